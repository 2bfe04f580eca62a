// A review's health declaration and answers at rest: sealed under the data key, opened for the decision screen only.
import type { Db } from '../db/open.js';
import { AnswersSchema, type Answers } from '../policy/schema.js';
import { DeclarationSchema, type Declaration } from '../applications/schema.js';
import { isSealedObject, openObject, sealObject } from '../privacy/sealed-json.js';

const declarationContext = (applicationId: string) => `review:${applicationId}:declaration`;
const answersContext = (applicationId: string) => `review:${applicationId}:answers`;

export const sealReviewDeclaration = (db: Db, applicationId: string, declaration: Declaration): string =>
  sealObject(db, 'declaration', declaration, declarationContext(applicationId));
export const sealReviewAnswers = (db: Db, applicationId: string, answers: Answers): string =>
  sealObject(db, 'declaration', answers, answersContext(applicationId));

/** What the decision screen needs of a declaration: whether a phone number was left, not the number. */
export function openReviewDeclaration(db: Db, applicationId: string, stored: string) {
  const { phone, ...rest } = DeclarationSchema.parse(openObject(db, 'declaration', stored, declarationContext(applicationId)));
  return { ...rest, phoneGiven: phone !== null && phone !== '' };
}

export const openReviewAnswers = (db: Db, applicationId: string, stored: string): Answers =>
  AnswersSchema.parse(openObject(db, 'declaration', stored, answersContext(applicationId)));

/** Seals declarations and answers of open reviews written before they were sealed; returns how many reviews. */
export function sealClearDeclarations(db: Db): number {
  return db
    .transaction(() => {
      const rows = db.prepare('SELECT application_id, declaration, answers FROM review WHERE declaration IS NOT NULL').all() as {
        application_id: string;
        declaration: string;
        answers: string | null;
      }[];
      const clear = rows.filter((row) => !isSealedObject(row.declaration));
      const update = db.prepare('UPDATE review SET declaration = ?, answers = ? WHERE application_id = ?');
      for (const row of clear) {
        const id = row.application_id;
        const answers = row.answers === null ? null : sealObject(db, 'declaration', JSON.parse(row.answers), answersContext(id));
        update.run(sealObject(db, 'declaration', JSON.parse(row.declaration), declarationContext(id)), answers, id);
      }
      return clear.length;
    })
    .immediate();
}

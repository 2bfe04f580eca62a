// Keeps zod from probing `new Function` (its JIT): under the CSP without 'unsafe-eval' the probe logs a violation.
import { z } from 'zod';

z.config({ jitless: true });

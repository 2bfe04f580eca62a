// The home screen's picture: an ID card going down onto the reader. Decorative (the heading says it), so no text inside.
export function CardOnReaderPicture() {
  return (
    <svg className="card-picture" viewBox="0 0 480 300" aria-hidden="true" focusable="false">
      {/* The card, tilted slightly as if being placed */}
      <g transform="rotate(-4 240 80)">
        <rect x="130" y="20" width="220" height="130" rx="14" fill="#e8f0fc" stroke="#0b3d91" strokeWidth="6" />
        <rect x="150" y="45" width="60" height="76" rx="6" fill="#0b3d91" />
        <rect x="228" y="52" width="100" height="12" rx="6" fill="#0b3d91" />
        <rect x="228" y="78" width="84" height="12" rx="6" fill="#0b3d91" />
        <rect x="228" y="104" width="100" height="12" rx="6" fill="#0b3d91" />
      </g>
      {/* Arrow: down onto the reader */}
      <path
        d="M240 162 v44 M218 186 l22 24 l22 -24"
        fill="none"
        stroke="#111111"
        strokeWidth="10"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      {/* The reader with its sensor area */}
      <rect x="70" y="226" width="340" height="62" rx="16" fill="#1f2933" />
      <rect x="150" y="238" width="180" height="38" rx="10" fill="#ffd84d" stroke="#111111" strokeWidth="4" />
      <path d="M205 257 h70" stroke="#111111" strokeWidth="4" strokeLinecap="round" strokeDasharray="8 8" />
    </svg>
  );
}

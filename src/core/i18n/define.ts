/**
 * Declares one feature's messages in both languages. The English templates keep their literal
 * types (for placeholder checking); French must have exactly the same keys.
 */
export function messages<const E extends Record<string, string>>(en: E, fr: { [K in keyof E]: string }) {
  return { en, fr };
}

/** Masking rules used in every response that carries a phone or an ID number. */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** `110***********1234`: region prefix and last four, nothing else. */
export function maskIdNumber(first3: string, last4: string, length = 18): string {
  return `${first3}${'*'.repeat(Math.max(0, length - 7))}${last4}`;
}

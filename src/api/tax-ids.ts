import { coded } from './field-messages';
/**
 * VAT number formats (VIES) for EU member states and the UK, and postal code formats for the
 * countries we check. Everything here is format only: no checksum, no registry lookup.
 */

interface Format {
  pattern: RegExp;
  example: string;
}

/** Greece uses the EL prefix in VIES; every other prefix is the ISO code. */
export function vatPrefix(countryCode: string): string {
  return countryCode === 'GR' ? 'EL' : countryCode;
}

const VAT_FORMATS: Record<string, Format> = {
  AT: { pattern: /^ATU\d{8}$/, example: 'ATU12345678' },
  BE: { pattern: /^BE[01]\d{9}$/, example: 'BE0123456789' },
  BG: { pattern: /^BG\d{9,10}$/, example: 'BG123456789' },
  CY: { pattern: /^CY\d{8}[A-Z]$/, example: 'CY12345678X' },
  CZ: { pattern: /^CZ\d{8,10}$/, example: 'CZ12345678' },
  DE: { pattern: /^DE\d{9}$/, example: 'DE123456789' },
  DK: { pattern: /^DK\d{8}$/, example: 'DK12345678' },
  EE: { pattern: /^EE\d{9}$/, example: 'EE123456789' },
  ES: { pattern: /^ES[A-Z0-9]\d{7}[A-Z0-9]$/, example: 'ESX1234567X' },
  FI: { pattern: /^FI\d{8}$/, example: 'FI12345678' },
  FR: { pattern: /^FR[A-HJ-NP-Z0-9]{2}\d{9}$/, example: 'FR32123456789' },
  GB: { pattern: /^GB(\d{9}|\d{12}|GD\d{3}|HA\d{3})$/, example: 'GB123456789' },
  GR: { pattern: /^EL\d{9}$/, example: 'EL123456789' },
  HR: { pattern: /^HR\d{11}$/, example: 'HR12345678901' },
  HU: { pattern: /^HU\d{8}$/, example: 'HU12345678' },
  IE: { pattern: /^IE(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/, example: 'IE1234567T' },
  IT: { pattern: /^IT\d{11}$/, example: 'IT12345678901' },
  LT: { pattern: /^LT(\d{9}|\d{12})$/, example: 'LT123456789' },
  LU: { pattern: /^LU\d{8}$/, example: 'LU12345678' },
  LV: { pattern: /^LV\d{11}$/, example: 'LV12345678901' },
  MT: { pattern: /^MT\d{8}$/, example: 'MT12345678' },
  NL: { pattern: /^NL\d{9}B\d{2}$/, example: 'NL123456789B01' },
  PL: { pattern: /^PL\d{10}$/, example: 'PL1234567890' },
  PT: { pattern: /^PT\d{9}$/, example: 'PT123456789' },
  RO: { pattern: /^RO\d{2,10}$/, example: 'RO1234567890' },
  SE: { pattern: /^SE\d{10}01$/, example: 'SE123456789001' },
  SI: { pattern: /^SI\d{8}$/, example: 'SI12345678' },
  SK: { pattern: /^SK\d{10}$/, example: 'SK1234567890' },
};

/** The prefixes of the VAT numbers whose format is checked ("EL" for Greece). */
const VAT_PREFIXES = new Set(Object.keys(VAT_FORMATS).map(vatPrefix));

/**
 * Strips separators and upper-cases; adds the country prefix when the number was typed without it.
 * A number that starts with another checked country's prefix keeps it, so that the format check
 * refuses it: "DE123456789" for a French address is a German number, not "FRDE123456789" (which the
 * French format, with its two-character key, would accept).
 */
export function normalizeVatNumber(value: string, countryCode: string): string {
  const compact = value.replace(/[\s.\-_/]/g, '').toUpperCase();
  if (!VAT_FORMATS[countryCode] || compact === '') return compact;
  const prefix = vatPrefix(countryCode);
  return compact.startsWith(prefix) || VAT_PREFIXES.has(compact.slice(0, 2)) ? compact : prefix + compact;
}

/** Returns an error message, or null when the number fits the country's format (or the country is not checked). */
export function vatNumberError(normalized: string, countryCode: string, countryName: string): string | null {
  const format = VAT_FORMATS[countryCode];
  if (!format) {
    return /^[A-Z0-9]{2,30}$/.test(normalized) ? null : coded('vat_number.generic_format', 'A tax number has 2 to 30 letters and digits');
  }
  return format.pattern.test(normalized)
    ? null
    : coded('vat_number.format', `This is not a valid VAT number for ${countryName} (expected a format like ${format.example})`, { country: countryCode, example: format.example });
}

export function hasVatFormat(countryCode: string): boolean {
  return countryCode in VAT_FORMATS;
}

const ZIP_FORMATS: Record<string, Format> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '94103 or 94103-1234' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  ES: { pattern: /^\d{5}$/, example: '28001' },
  IT: { pattern: /^\d{5}$/, example: '00118' },
  GB: { pattern: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/, example: 'SW1A 1AA' },
  CA: { pattern: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, example: 'K1A 0B1' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
  BE: { pattern: /^\d{4}$/, example: '1000' },
  AT: { pattern: /^\d{4}$/, example: '1010' },
  CH: { pattern: /^\d{4}$/, example: '8001' },
  DK: { pattern: /^\d{4}$/, example: '1050' },
  NO: { pattern: /^\d{4}$/, example: '0150' },
  AU: { pattern: /^\d{4}$/, example: '2000' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '114 55' },
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-950' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1000-001' },
  JP: { pattern: /^\d{3}-?\d{4}$/, example: '100-0001' },
  IE: { pattern: /^[A-Z]\d[\dW] ?[A-Z\d]{4}$/, example: 'D02 X285' },
  IN: { pattern: /^\d{6}$/, example: '110001' },
  BR: { pattern: /^\d{5}-?\d{3}$/, example: '01310-100' },
};

const GENERIC_ZIP = /^[A-Z0-9][A-Z0-9 -]{0,9}$/;

export function zipError(zip: string, countryCode: string, countryName: string): string | null {
  const format = ZIP_FORMATS[countryCode];
  if (!format) {
    return GENERIC_ZIP.test(zip) ? null : coded('zip.generic_format', 'A postal code has up to 10 letters, digits, spaces or dashes');
  }
  return format.pattern.test(zip)
    ? null
    : coded('zip.format', `This is not a valid postal code for ${countryName} (for example ${format.example})`, { country: countryCode, example: format.example });
}

/** Lower case, accents and punctuation removed, single spaces: "Nguyễn  Văn-Đức" → "nguyen van duc". */
export function textKey(text: string): string {
  return text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

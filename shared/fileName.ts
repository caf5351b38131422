/** The longest file name (without extension) we suggest; well below the 255 of common file systems. */
export const FILE_NAME_MAX = 150;

/**
 * A file name safe on every file system the app runs on: path separators, control characters and the characters
 * Windows refuses become spaces, runs of white space one space, and no leading or trailing dots or spaces (Windows
 * drops trailing dots). At most FILE_NAME_MAX characters; '' when nothing is left.
 */
export function safeFileName(name: string): string {
  const clean = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  // Cut by code points, so a character outside the BMP is never split in half.
  return Array.from(clean)
    .slice(0, FILE_NAME_MAX)
    .join('')
    .replace(/[.\s]+$/, '');
}

import QRCode from 'qrcode';

/**
 * An invite's link as a QR code, an SVG data URL the print sheet shows as an image (a phone's
 * camera opens the observer bot with the code already filled in). Error correction "M" keeps
 * it readable when the printout is creased or smudged.
 *
 * @example
 * await inviteQrDataUrl('https://t.me/dauys_observer_bot?start=K7QX2M9PRT'); // 'data:image/svg+xml;base64,…'
 */
export async function inviteQrDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/**
 * Page clean-up before OCR, as pure functions over a grey bitmap: the grey
 * value taken from the red channel (so a red stamp fades into the paper),
 * Otsu's threshold, and the skew angle found by the projection profile
 * (the angle at which text rows line up gives the sharpest row sums).
 */

/** An 8-bit grey image, one byte a pixel, rows top to bottom. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Grey from RGBA, red stamp ink faded into the paper: black and blue ink stay dark, red ink turns light —
 * except where the stamp lies over text. There the text shows as a darker red; when enough of the page is
 * red, Otsu's threshold over the red channel of the red pixels tells the two apart, and the darker ones are
 * read as ink.
 * @param rgba pixels as a canvas gives them (4 bytes each)
 */
export function toGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  const redHistogram = new Array<number>(256).fill(0);
  let reds = 0;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    if (isRed(r, g, b)) {
      redHistogram[r]!++;
      reds++;
    }
    data[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  // Below this red, a red pixel is text seen through the stamp; a stamp alone is brighter.
  const throughStamp = reds >= MIN_STAMP_PIXELS ? otsuOf(redHistogram, reds) : -1;
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    // Text under the stamp is dark in green and blue too; the stamp's own edges and JPEG fringes are not.
    if (isRed(r, g, b) && (r > throughStamp || g + b > 100)) data[i] = 255;
  }
  return { width, height, data };
}

/** Fewer red pixels than this are a red word or a rule, not a stamp with text under it. */
const MIN_STAMP_PIXELS = 2000;

// A reddish pixel (stamp ink): its red channel well above the others.
const isRed = (r: number, g: number, b: number) => r > 110 && r > g + 25 && r > b + 25;

/** Otsu's threshold: the grey level that best separates ink from paper. */
export function otsuThreshold(image: GreyImage): number {
  const histogram = new Array<number>(256).fill(0);
  for (const v of image.data) histogram[v]!++;
  return otsuOf(histogram, image.data.length);
}

function otsuOf(histogram: readonly number[], total: number): number {
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * histogram[i]!;
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 127;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t]!;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * histogram[t]!;
    const meanBack = sumBack / weightBack;
    const meanFore = (sum - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  return threshold;
}

/** Black (0) below the threshold, white (255) above: a clean two-tone page. */
export function binarize(image: GreyImage, threshold = otsuThreshold(image)): GreyImage {
  const data = new Uint8Array(image.data.length);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i]! <= threshold ? 0 : 255;
  return { width: image.width, height: image.height, data };
}

/**
 * The angle, in degrees, by which the page's text rows are turned (positive: rows fall to the right).
 * Tries angles from -`maxDegrees` to +`maxDegrees` and keeps the one with the sharpest row profile.
 * @param image a two-tone page (black ink on white), ideally downscaled to ~1000 px wide
 */
export function estimateSkew(image: GreyImage, maxDegrees = 3, step = 0.1): number {
  const ink: Array<[number, number]> = [];
  const stride = Math.max(1, Math.floor(image.width / 800));
  for (let y = 0; y < image.height; y += stride)
    for (let x = 0; x < image.width; x += stride) if (image.data[y * image.width + x] === 0) ink.push([x, y]);
  if (ink.length < 100) return 0;
  let bestAngle = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  const rows = new Float64Array(image.height + image.width);
  for (let a = -maxDegrees; a <= maxDegrees + 1e-9; a += step) {
    const tan = Math.tan((a * Math.PI) / 180);
    rows.fill(0);
    for (const [x, y] of ink) {
      const row = Math.round(y - x * tan) + image.width;
      if (row >= 0 && row < rows.length) rows[row]!++;
    }
    let score = 0;
    for (let i = 1; i < rows.length; i++) score += (rows[i]! - rows[i - 1]!) ** 2;
    if (
      score > bestScore + 1e-6 ||
      (Math.abs(score - bestScore) <= 1e-6 && Math.abs(a) < Math.abs(bestAngle))
    ) {
      bestScore = score;
      bestAngle = a;
    }
  }
  return Math.round(bestAngle * 100) / 100;
}

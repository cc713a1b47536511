import type { Rational } from "../rational";

/** An OpenShot profile: OpenShot 3.1+ finds a project's profile by this name and takes size and rate from it. */
export interface OpenShotProfile {
  name: string;
  width: number;
  height: number;
  fps: Rational;
}

// Square-pixel progressive profiles of the common sizes, as openshot-qt 3.x names them (src/profiles).
const TABLE: [number, number, number, number, string][] = [
  [320, 240, 15, 1, "QVGA 240p 15 fps"],
  [320, 240, 24, 1, "QVGA 240p 24 fps"],
  [320, 240, 25, 1, "QVGA 240p 25 fps"],
  [320, 240, 30, 1, "QVGA 240p 30 fps"],
  [320, 240, 50, 1, "QVGA 240p 50 fps"],
  [320, 240, 60, 1, "QVGA 240p 60 fps"],
  [320, 240, 24000, 1001, "QVGA 240p 23.98 fps"],
  [320, 240, 30000, 1001, "NTSC SD 1/4 QVGA 240p 29.97 fps"],
  [320, 240, 60000, 1001, "QVGA 240p 59.94 fps"],
  [640, 360, 24, 1, "nHD 360p 24 fps"],
  [640, 360, 25, 1, "nHD 360p 25 fps"],
  [640, 360, 30, 1, "nHD 360p 30 fps"],
  [640, 360, 50, 1, "nHD 360p 50 fps"],
  [640, 360, 60, 1, "nHD 360p 60 fps"],
  [640, 360, 24000, 1001, "nHD 360p 23.98 fps"],
  [640, 360, 30000, 1001, "nHD 360p 29.97 fps"],
  [640, 360, 60000, 1001, "nHD 360p 59.94 fps"],
  [640, 480, 15, 1, "VGA 480p 15 fps"],
  [640, 480, 24, 1, "NTSC SD VGA 480p 24 fps"],
  [640, 480, 25, 1, "NTSC SD VGA 480p 25 fps"],
  [640, 480, 30, 1, "NTSC SD VGA 480p 30 fps"],
  [640, 480, 50, 1, "NTSC SD VGA 480p 50 fps"],
  [640, 480, 60, 1, "NTSC SD VGA 480p 60 fps"],
  [640, 480, 24000, 1001, "NTSC SD VGA 480p 23.98 fps"],
  [640, 480, 30000, 1001, "NTSC SD SQ VGA 480p 29.97 fps"],
  [640, 480, 60000, 1001, "NTSC SD VGA 480p 59.94 fps"],
  [720, 1280, 24, 1, "HD Vertical 720p 24 fps"],
  [720, 1280, 25, 1, "HD Vertical 720p 25 fps"],
  [720, 1280, 30, 1, "HD Vertical 720p 30 fps"],
  [720, 1280, 50, 1, "HD Vertical 720p 50 fps"],
  [720, 1280, 60, 1, "HD Vertical 720p 60 fps"],
  [720, 1280, 24000, 1001, "HD Vertical 720p 23.98 fps"],
  [720, 1280, 30000, 1001, "HD Vertical 720p 29.97 fps"],
  [720, 1280, 60000, 1001, "HD Vertical 720p 59.94 fps"],
  [854, 480, 15, 1, "FWVGA 480p 15 fps"],
  [854, 480, 24, 1, "FWVGA 480p 24 fps"],
  [854, 480, 25, 1, "FWVGA 480p 25 fps"],
  [854, 480, 30, 1, "FWVGA 480p 30 fps"],
  [854, 480, 50, 1, "FWVGA 480p 50 fps"],
  [854, 480, 60, 1, "FWVGA 480p 60 fps"],
  [854, 480, 24000, 1001, "FWVGA 480p 23.98 fps"],
  [854, 480, 30000, 1001, "NTSC SD Wide FWVGA 480p 29.97 fps"],
  [854, 480, 60000, 1001, "FWVGA 480p 59.94 fps"],
  [960, 540, 24, 1, "qHD 540p 24 fps"],
  [960, 540, 25, 1, "qHD 540p 25 fps"],
  [960, 540, 30, 1, "qHD 540p 30 fps"],
  [960, 540, 50, 1, "qHD 540p 50 fps"],
  [960, 540, 60, 1, "qHD 540p 60 fps"],
  [960, 540, 24000, 1001, "qHD 540p 23.98 fps"],
  [960, 540, 30000, 1001, "qHD 540p 29.97 fps"],
  [960, 540, 60000, 1001, "qHD 540p 59.94 fps"],
  [1080, 1080, 24, 1, "HD Square 1080p 24 fps"],
  [1080, 1080, 25, 1, "HD Square 1080p 25 fps"],
  [1080, 1080, 30, 1, "HD Square 1080p 30 fps"],
  [1080, 1080, 50, 1, "HD Square 1080p 50 fps"],
  [1080, 1080, 60, 1, "HD Square 1080p 60 fps"],
  [1080, 1920, 24, 1, "FHD Vertical 1080p 24 fps"],
  [1080, 1920, 25, 1, "FHD Vertical 1080p 25 fps"],
  [1080, 1920, 30, 1, "FHD Vertical 1080p 30 fps"],
  [1080, 1920, 50, 1, "FHD Vertical 1080p 50 fps"],
  [1080, 1920, 60, 1, "FHD Vertical 1080p 60 fps"],
  [1080, 1920, 24000, 1001, "FHD Vertical 1080p 23.98 fps"],
  [1080, 1920, 30000, 1001, "FHD Vertical 1080p 29.97 fps"],
  [1080, 1920, 60000, 1001, "FHD Vertical 1080p 59.94 fps"],
  [1280, 720, 24, 1, "HD 720p 24 fps"],
  [1280, 720, 25, 1, "HD 720p 25 fps"],
  [1280, 720, 30, 1, "HD 720p 30 fps"],
  [1280, 720, 50, 1, "PAL HD 720p 50 fps"],
  [1280, 720, 60, 1, "HD 720p 60 fps"],
  [1280, 720, 24000, 1001, "HD 720p 23.98 fps"],
  [1280, 720, 30000, 1001, "HD 720p 29.97 fps"],
  [1280, 720, 60000, 1001, "HD 720p 59.94 fps"],
  [1600, 900, 24, 1, "HD+ 900p 24 fps"],
  [1600, 900, 25, 1, "HD+ 900p 25 fps"],
  [1600, 900, 30, 1, "HD+ 900p 30 fps"],
  [1600, 900, 50, 1, "HD+ 900p 50 fps"],
  [1600, 900, 60, 1, "HD+ 900p 60 fps"],
  [1600, 900, 24000, 1001, "HD+ 900p 23.98 fps"],
  [1600, 900, 30000, 1001, "HD+ 900p 29.97 fps"],
  [1600, 900, 60000, 1001, "HD+ 900p 59.94 fps"],
  [1920, 1080, 24, 1, "FHD 1080p 24 fps"],
  [1920, 1080, 25, 1, "FHD PAL 1080p 25 fps"],
  [1920, 1080, 30, 1, "FHD 1080p 30 fps"],
  [1920, 1080, 50, 1, "FHD PAL 1080p 50 fps"],
  [1920, 1080, 60, 1, "FHD 1080p 60 fps"],
  [1920, 1080, 24000, 1001, "FHD 1080p 23.98 fps"],
  [1920, 1080, 30000, 1001, "FHD 1080p 29.97 fps"],
  [1920, 1080, 60000, 1001, "FHD 1080p 59.94 fps"],
  [2560, 1440, 24, 1, "2.5K WQHD 1440p 24 fps"],
  [2560, 1440, 25, 1, "2.5K WQHD 1440p 25 fps"],
  [2560, 1440, 30, 1, "2.5K WQHD 1440p 30 fps"],
  [2560, 1440, 50, 1, "2.5K WQHD 1440p 50 fps"],
  [2560, 1440, 60, 1, "2.5K WQHD 1440p 60 fps"],
  [2560, 1440, 24000, 1001, "2.5K WQHD 1440p 23.98 fps"],
  [2560, 1440, 30000, 1001, "2.5K WQHD 1440p 29.97 fps"],
  [2560, 1440, 60000, 1001, "2.5K WQHD 1440p 59.94 fps"],
  [3840, 2160, 24, 1, "4K UHD 2160p 24 fps"],
  [3840, 2160, 25, 1, "4K UHD 2160p 25 fps"],
  [3840, 2160, 30, 1, "4K UHD 2160p 30 fps"],
  [3840, 2160, 50, 1, "4K UHD 2160p 50 fps"],
  [3840, 2160, 60, 1, "4K UHD 2160p 60 fps"],
  [3840, 2160, 24000, 1001, "4K UHD 2160p 23.98 fps"],
  [3840, 2160, 30000, 1001, "4K UHD 2160p 29.97 fps"],
  [3840, 2160, 60000, 1001, "4K UHD 2160p 59.94 fps"],
];

const OPENSHOT_PROFILES: OpenShotProfile[] = TABLE.map(([width, height, num, den, name]) => ({
  name,
  width,
  height,
  fps: { num, den },
}));
const sameRate = (a: Rational, b: Rational) => a.num * b.den === b.num * a.den;
const shape = (width: number, height: number) => Math.sign(width - height);

/**
 * The profile for a source: the one of its size and rate, else the nearest size at its rate and
 * orientation (OpenShot scales the picture to fit), else OpenShot's own default.
 */
export function pickProfile(width: number, height: number, fps: Rational): OpenShotProfile {
  const atRate = OPENSHOT_PROFILES.filter((p) => sameRate(p.fps, fps) && shape(p.width, p.height) === shape(width, height));
  const distance = (p: OpenShotProfile) => Math.abs(p.width * p.height - width * height);
  const nearest = atRate.reduce<OpenShotProfile | undefined>((best, p) => (!best || distance(p) < distance(best) ? p : best), undefined);
  return nearest ?? (OPENSHOT_PROFILES.find((p) => p.name === "HD 720p 30 fps") as OpenShotProfile);
}

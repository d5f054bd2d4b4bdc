/**
 * Product-level figures for kinds of product that Boavizta does not cover, hand-curated.
 * Either a published figure with its range (`figure`), or a typical mass times DESNZ 2024
 * material factors (`mass`, materials averaged with equal weight). Each row cites its basis.
 */
interface Common { method: 'device' | 'garment'; unit: string; source: string; why: string }
export type ReferenceFigure =
  | (Common & { kind: 'figure'; kg: number; low: number; high: number })
  | (Common & { kind: 'mass'; massKg: number; massLow: number; massHigh: number; materials: string[]; band: number });

export const REFERENCE_FIGURES: Record<string, ReferenceFigure> = {
  book: {
    kind: 'figure', method: 'device', kg: 2.0, low: 1.0, high: 4.0, unit: 'kg CO2e per book',
    source: 'Berners-Lee (2010) How Bad Are Bananas? (about 1 kg for a 250 g paperback); Green Press Initiative & Book Industry Study Group (2008), 4.01 kg per book sold in the US',
    why: 'the two published figures bracket a typical book; the central value is their geometric mean',
  },
  keyboard: {
    kind: 'figure', method: 'device', kg: 15, low: 6, high: 30, unit: 'kg CO2e per keyboard',
    source: 'Logitech product carbon impact labels (cradle to grave, 2-year use), spread across its keyboards, approximate',
    why: 'no open LCA database has keyboards; manufacturer labels give the order of magnitude',
  },
  mouse: {
    kind: 'figure', method: 'device', kg: 6, low: 3, high: 10, unit: 'kg CO2e per mouse',
    source: 'Logitech product carbon impact labels (cradle to grave, 2-year use), spread across its mice, approximate',
    why: 'no open LCA database has mice; manufacturer labels give the order of magnitude',
  },
  'office-chair': {
    kind: 'mass', method: 'device', massKg: 20, massLow: 12, massHigh: 27, materials: ['metals', 'plastics-average'], band: 0.3, unit: 'kg CO2e per chair',
    source: 'typical task chair mass 12-27 kg (manufacturer specifications) x DESNZ 2024 Material use: metals and average plastics, primary production',
    why: 'task chairs are mostly steel/aluminium and plastics; the band adds 30 % for foam, fabric and assembly',
  },
  shoes: {
    kind: 'figure', method: 'garment', kg: 14, low: 7, high: 20, unit: 'kg CO2e per pair',
    source: 'Cheah L. et al. (2013) Manufacturing-focused emissions reductions in footwear production, Journal of Cleaner Production 44, 18-29 (14 kg CO2e for a pair of running shoes)',
    why: 'the one open cradle-to-grave study of a typical synthetic sports shoe; lighter shoes are lower',
  },
};

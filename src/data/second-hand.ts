/** How second-hand and refurbished purchases are treated, with the basis for each. */
export const SECOND_HAND = {
  device: {
    /** Share of the manufacturing footprint a refurbished or used device avoids. */
    avoidedManufacturingShare: 0.9,
    source: 'Boavizta manufacturing share per device class; ADEME & Arcep (2022) Évaluation de l\'impact environnemental d\'un ensemble de produits reconditionnés (refurbished smartphones: most of the manufacturing impact avoided)',
    why: 'the device is not made again; refurbishing (parts, transport, testing) is taken as 10 % of manufacturing; use-phase and end-of-life remain',
  },
  garment: {
    material: 'clothing-reused',
    source: 'DESNZ/DEFRA (2024) Material use: Clothing, Re-used vs Primary material production',
    why: 'DESNZ gives a separate factor for re-used clothing',
  },
  spend: {
    source: 'US EPA Supply Chain GHG Emission Factors v1.3: margins part of the factor (transport, wholesale, retail)',
    why: 'a second-hand price pays mostly for trade and transport, not for making the product',
  },
} as const;

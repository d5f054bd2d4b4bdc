/**
 * Drinks that Poore & Nemecek do not cover, built from parts we can cite: sugar (P&N cane sugar),
 * the container (DESNZ 2024 material factors x a typical container mass) and P&N's median
 * transport stage. Container masses are typical published figures for the format.
 */
export const BEVERAGES = {
  'soft-drink': { sugarKgPerKg: 0.106, why: 'regular cola, 10.6 g sugar per 100 ml (typical nutrition label)' },
  'bottled-water': { sugarKgPerKg: 0, why: 'water itself has no farm stage' },
} as const;

/** Container mass per litre of drink, and the DESNZ material it is made of. */
export const CONTAINERS = {
  can: { kgPerLitre: 0.04, material: 'aluminium-cans', why: '330 ml aluminium can about 13 g' },
  glass: { kgPerLitre: 0.6, material: 'glass', why: '330 ml glass bottle about 200 g' },
  'pet-large': { kgPerLitre: 0.0225, material: 'pet', why: '1.5-2 l PET bottle about 45 g for 2 l' },
  'pet-small': { kgPerLitre: 0.04, material: 'pet', why: '0.5 l PET bottle about 20 g' },
} as const;

export const BEVERAGE_SUGAR_FOOD = 'cane-sugar';
export const BEVERAGE_SOURCE = 'Poore & Nemecek (2018) cane sugar and median transport stage; DESNZ/DEFRA (2024) Material use: aluminium cans, glass, PET';

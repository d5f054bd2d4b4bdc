/**
 * Hand-curated map from product kinds to the estimation method and its factors.
 * Each rule names a Google product taxonomy path (2021-09-21), the best method we have for it,
 * and the US EPA NAICS-6 commodity used when only a price is known (and for the spend baseline).
 * The rationale for every rule is in ./category-rationale.ts (kept out of the content-script bundle).
 */

/** Device classes summarised from Boavizta in src/data/generated/devices.odbl.ts. */
export type DeviceClass =
  | 'laptop' | 'desktop' | 'desktop-mini' | 'tablet' | 'monitor' | 'tv' | 'smartphone'
  | 'console' | 'smartwatch' | 'smart-speaker' | 'streaming' | 'router';

export type Rule =
  | { path: string; method: 'device'; device: DeviceClass; naics: string }
  | { path: string; method: 'reference'; ref: string; naics: string }
  | { path: string; method: 'garment'; garment: string; naics: string }
  | { path: string; method: 'food'; food: string; naics: string }
  | { path: string; method: 'spend'; naics: string };

/** Joined at load time so the minifier does not inline each full path (bundle size). */
const at = (prefix: string, rest: string): string => prefix + rest;
const E = 'Electronics > ';
const CL = 'Apparel & Accessories > Clothing > ';
const FI = 'Food, Beverages & Tobacco > Food Items > ';
const BV = 'Food, Beverages & Tobacco > Beverages > ';
const MEAT = at(FI, 'Meat, Seafood & Eggs > ');

export const RULES = {
  // Devices: Boavizta manufacturer footprints (whole life cycle).
  laptop: { path: at(E, 'Computers > Laptops'), method: 'device', device: 'laptop', naics: '334111' },
  desktop: { path: at(E, 'Computers > Desktop Computers'), method: 'device', device: 'desktop', naics: '334111' },
  tablet: { path: at(E, 'Computers > Tablet Computers'), method: 'device', device: 'tablet', naics: '334111' },
  monitor: { path: at(E, 'Video > Computer Monitors'), method: 'device', device: 'monitor', naics: '334118' },
  tv: { path: at(E, 'Video > Televisions'), method: 'device', device: 'tv', naics: '334310' },
  smartphone: { path: at(E, 'Communications > Telephony > Mobile Phones'), method: 'device', device: 'smartphone', naics: '334220' },
  console: { path: at(E, 'Video Game Consoles'), method: 'device', device: 'console', naics: '334310' },
  smartwatch: { path: 'Apparel & Accessories > Jewelry > Watches', method: 'device', device: 'smartwatch', naics: '334519' },
  speaker: { path: at(E, 'Audio > Audio Components > Speakers'), method: 'device', device: 'smart-speaker', naics: '334310' },
  streaming: { path: at(E, 'Video > Video Players & Recorders > Streaming & Home Media Players'), method: 'device', device: 'streaming', naics: '334310' },
  router: { path: at(E, 'Networking > Bridges & Routers'), method: 'device', device: 'router', naics: '334210' },
  // Product-level reference figures (src/data/reference-figures.ts).
  mouse: { path: at(E, 'Electronics Accessories > Computer Components > Input Devices > Mice & Trackballs'), method: 'reference', ref: 'mouse', naics: '334118' },
  keyboard: { path: at(E, 'Electronics Accessories > Computer Components > Input Devices > Keyboards'), method: 'reference', ref: 'keyboard', naics: '334118' },
  'office-chair': { path: 'Furniture > Office Furniture > Office Chairs', method: 'reference', ref: 'office-chair', naics: '337214' },
  book: { path: 'Media > Books', method: 'reference', ref: 'book', naics: '511130' },
  shoes: { path: 'Apparel & Accessories > Shoes', method: 'reference', ref: 'shoes', naics: '316210' },
  // Garments: Ecobalyse default mass times the DESNZ clothing factor.
  tshirt: { path: at(CL, 'Shirts & Tops'), method: 'garment', garment: 'tshirt', naics: '315220' },
  shirt: { path: at(CL, 'Shirts & Tops'), method: 'garment', garment: 'chemise', naics: '315220' },
  sweater: { path: at(CL, 'Shirts & Tops'), method: 'garment', garment: 'pull', naics: '315220' },
  jeans: { path: at(CL, 'Pants'), method: 'garment', garment: 'jean', naics: '315220' },
  trousers: { path: at(CL, 'Pants'), method: 'garment', garment: 'pantalon', naics: '315220' },
  shorts: { path: at(CL, 'Shorts'), method: 'garment', garment: 'pantalon', naics: '315220' },
  dress: { path: at(CL, 'Dresses'), method: 'garment', garment: 'jupe', naics: '315240' },
  skirt: { path: at(CL, 'Skirts'), method: 'garment', garment: 'jupe', naics: '315240' },
  coat: { path: at(CL, 'Outerwear > Coats & Jackets'), method: 'garment', garment: 'manteau', naics: '315220' },
  socks: { path: at(CL, 'Underwear & Socks > Socks'), method: 'garment', garment: 'chaussettes', naics: '315110' },
  underwear: { path: at(CL, 'Underwear & Socks > Underwear'), method: 'garment', garment: 'slip', naics: '315220' },
  swimwear: { path: at(CL, 'Swimwear'), method: 'garment', garment: 'maillot-de-bain', naics: '315240' },
  // Food and drink: Poore & Nemecek per kg times the pack mass.
  coffee: { path: at(BV, 'Coffee'), method: 'food', food: 'coffee', naics: '311920' },
  chocolate: { path: at(FI, 'Candy & Chocolate'), method: 'food', food: 'dark-chocolate', naics: '311351' },
  beef: { path: at(MEAT, 'Meat > Fresh & Frozen Meats'), method: 'food', food: 'beef-beef-herd', naics: '311612' },
  pork: { path: at(MEAT, 'Meat > Fresh & Frozen Meats'), method: 'food', food: 'pig-meat', naics: '311612' },
  poultry: { path: at(MEAT, 'Meat > Fresh & Frozen Meats'), method: 'food', food: 'poultry-meat', naics: '311615' },
  lamb: { path: at(MEAT, 'Meat > Fresh & Frozen Meats'), method: 'food', food: 'lamb-mutton', naics: '311612' },
  fish: { path: at(MEAT, 'Seafood'), method: 'food', food: 'fish-farmed', naics: '311710' },
  prawns: { path: at(MEAT, 'Seafood'), method: 'food', food: 'prawns-farmed', naics: '311710' },
  eggs: { path: at(MEAT, 'Eggs'), method: 'food', food: 'eggs', naics: '112310' },
  cheese: { path: at(FI, 'Dairy Products > Cheese'), method: 'food', food: 'cheese', naics: '311513' },
  milk: { path: at(BV, 'Milk'), method: 'food', food: 'milk', naics: '311511' },
  'plant-milk': { path: at(BV, 'Non-Dairy Milk'), method: 'food', food: 'soymilk', naics: '311511' },
  tofu: { path: at(FI, 'Tofu, Soy & Vegetarian Products'), method: 'food', food: 'tofu-soybeans', naics: '311991' },
  rice: { path: at(FI, 'Grains, Rice & Cereal > Rice'), method: 'food', food: 'rice', naics: '311212' },
  pasta: { path: at(FI, 'Pasta & Noodles'), method: 'food', food: 'wheat-rye', naics: '311824' },
  bread: { path: at(FI, 'Bakery > Breads & Buns'), method: 'food', food: 'wheat-rye', naics: '311812' },
  flour: { path: at(FI, 'Cooking & Baking Ingredients > Flour'), method: 'food', food: 'wheat-rye', naics: '311211' },
  cereal: { path: at(FI, 'Grains, Rice & Cereal > Cereal & Granola'), method: 'food', food: 'oatmeal', naics: '311230' },
  beer: { path: at(BV, 'Alcoholic Beverages > Beer'), method: 'food', food: 'barley', naics: '312120' },
  wine: { path: at(BV, 'Alcoholic Beverages > Wine'), method: 'food', food: 'wine', naics: '312130' },
  soda: { path: at(BV, 'Soda'), method: 'food', food: 'soft-drink', naics: '312111' },
  water: { path: at(BV, 'Water'), method: 'food', food: 'bottled-water', naics: '312112' },
  nuts: { path: at(FI, 'Nuts & Seeds'), method: 'food', food: 'nuts', naics: '311911' },
  peanuts: { path: at(FI, 'Nuts & Seeds'), method: 'food', food: 'groundnuts', naics: '311911' },
  'olive-oil': { path: at(FI, 'Cooking & Baking Ingredients > Cooking Oils'), method: 'food', food: 'olive-oil', naics: '311225' },
  'vegetable-oil': { path: at(FI, 'Cooking & Baking Ingredients > Cooking Oils'), method: 'food', food: 'sunflower-oil', naics: '311225' },
  sugar: { path: at(FI, 'Cooking & Baking Ingredients > Sugar & Sweeteners'), method: 'food', food: 'beet-sugar', naics: '311314' },
  potatoes: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Vegetables'), method: 'food', food: 'potatoes', naics: '111211' },
  tomatoes: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Vegetables'), method: 'food', food: 'tomatoes', naics: '111419' },
  vegetables: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Vegetables'), method: 'food', food: 'other-vegetables', naics: '111219' },
  bananas: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Fruits'), method: 'food', food: 'bananas', naics: '111339' },
  apples: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Fruits'), method: 'food', food: 'apples', naics: '111331' },
  citrus: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Fruits'), method: 'food', food: 'citrus-fruit', naics: '111310' },
  berries: { path: at(FI, 'Fruits & Vegetables > Fresh & Frozen Fruits'), method: 'food', food: 'berries-grapes', naics: '111339' },
  pulses: { path: at(FI, 'Fruits & Vegetables > Dry Beans'), method: 'food', food: 'other-pulses', naics: '111130' },
  // Spend-based only: no product-level data we could cite.
  headphones: { path: at(E, 'Audio > Audio Components > Headphones & Headsets'), method: 'spend', naics: '334310' },
  printer: { path: at(E, 'Print, Copy, Scan & Fax > Printers, Copiers & Fax Machines'), method: 'spend', naics: '334118' },
  camera: { path: 'Cameras & Optics > Cameras > Digital Cameras', method: 'spend', naics: '333316' },
  watch: { path: 'Apparel & Accessories > Jewelry > Watches', method: 'spend', naics: '334519' },
  'small-appliance': { path: 'Home & Garden > Household Appliances', method: 'spend', naics: '335210' },
  vacuum: { path: 'Home & Garden > Household Appliances > Vacuums', method: 'spend', naics: '335210' },
  'air-purifier': { path: 'Home & Garden > Household Appliances > Climate Control Appliances > Air Purifiers', method: 'spend', naics: '335210' },
  'large-appliance': { path: 'Home & Garden > Household Appliances > Laundry Appliances > Washing Machines', method: 'spend', naics: '335220' },
  fridge: { path: 'Home & Garden > Kitchen & Dining > Kitchen Appliances > Refrigerators', method: 'spend', naics: '335220' },
  'power-tool': { path: 'Hardware > Tools > Drills > Handheld Power Drills', method: 'spend', naics: '333991' },
  'lawn-mower': { path: 'Home & Garden > Lawn & Garden > Outdoor Power Equipment > Lawn Mowers', method: 'spend', naics: '333112' },
  sofa: { path: 'Furniture > Sofas', method: 'spend', naics: '337121' },
  furniture: { path: 'Furniture > Tables', method: 'spend', naics: '337122' },
  mattress: { path: 'Furniture > Beds & Accessories > Mattresses', method: 'spend', naics: '337910' },
  bedding: { path: 'Home & Garden > Linens & Bedding > Bedding', method: 'spend', naics: '314120' },
  lamp: { path: 'Home & Garden > Lighting > Lamps', method: 'spend', naics: '335121' },
  cookware: { path: 'Home & Garden > Kitchen & Dining > Cookware & Bakeware > Cookware', method: 'spend', naics: '332215' },
  bicycle: { path: 'Sporting Goods > Outdoor Recreation > Cycling > Bicycles', method: 'spend', naics: '336991' },
  sports: { path: 'Sporting Goods', method: 'spend', naics: '339920' },
  toys: { path: 'Toys & Games > Toys', method: 'spend', naics: '339930' },
  cosmetics: { path: 'Health & Beauty > Personal Care > Cosmetics', method: 'spend', naics: '325620' },
  detergent: { path: 'Home & Garden > Household Supplies > Household Cleaning Supplies', method: 'spend', naics: '325611' },
  handbag: { path: 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags', method: 'spend', naics: '316992' },
  jewelry: { path: 'Apparel & Accessories > Jewelry', method: 'spend', naics: '339910' },
  'pet-food': { path: 'Animals & Pet Supplies > Pet Supplies > Dog Supplies > Dog Food', method: 'spend', naics: '311111' },
  'toilet-paper': { path: 'Home & Garden > Household Supplies > Household Paper Products > Toilet Paper', method: 'spend', naics: '322291' },
  tea: { path: at(BV, 'Tea & Infusions'), method: 'spend', naics: '311920' },
  'phone-case': { path: at(E, 'Communications > Telephony > Mobile Phone Accessories > Mobile Phone Cases'), method: 'spend', naics: '326199' },
  cable: { path: at(E, 'Electronics Accessories > Cables'), method: 'spend', naics: '335929' },
  battery: { path: at(E, 'Electronics Accessories > Power > Batteries'), method: 'spend', naics: '335911' },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export function ruleOf(id: string): Rule | undefined {
  return (RULES as Record<string, Rule>)[id];
}

/** Every NAICS code a rule uses: the data script keeps only these EPA rows. */
export function naicsCodes(): string[] {
  return [...new Set(Object.values(RULES as Record<string, Rule>).map((r) => r.naics))].sort();
}

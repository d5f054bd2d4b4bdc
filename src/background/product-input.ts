import type { EstimateInput, Product } from '../types';

/** The engine's input for a product read from a page; shared by the background and the inspect tool so both estimate alike. */
export function productInput(p: Pick<Product, 'title' | 'brand' | 'price' | 'currency' | 'category' | 'breadcrumbs'>, site: string | null): EstimateInput {
  return {
    title: p.title,
    brand: p.brand ?? null,
    price: p.price ?? null,
    currency: p.currency ?? null,
    category: p.category ?? null,
    breadcrumbs: p.breadcrumbs ?? null,
    site,
  };
}

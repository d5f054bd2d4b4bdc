import { render } from 'preact';
import { DATA_VERSION } from '../../src/data/generated/version';
import { SPEND_FACTORS } from '../../src/data/generated/spend-factors';
import { DEVICES } from '../../src/data/generated/devices.odbl';
import { FOOD } from '../../src/data/generated/food';
import { GARMENTS } from '../../src/data/generated/garments';
import { MATERIALS } from '../../src/data/generated/materials';
import { FX } from '../../src/data/generated/fx';
import { CPI } from '../../src/data/generated/cpi';
import { FLIGHT_FACTORS } from '../../src/data/generated/flights';
import { AIRPORTS } from '../../src/data/generated/airports';
import { REFERENCE_FIGURES } from '../../src/data/reference-figures';
import { RULES, type Rule } from '../../src/data/categories';
import { RULE_WHY } from '../../src/data/category-rationale';
import { NAICS_TITLES } from '../../src/data/generated/spend-titles';
import { VAT } from '../../src/data/vat';
import { CAR } from '../../src/data/equivalents';
import { SECOND_HAND } from '../../src/data/second-hand';
import { GARMENT_BAND } from '../../src/engine/methods/garment';
import { FOOD_BAND } from '../../src/engine/methods/food';
import { SPEND_BAND } from '../../src/engine/methods/spend';

const SOURCES = [SPEND_FACTORS, DEVICES, FOOD, GARMENTS, MATERIALS, FX, CPI, FLIGHT_FACTORS, AIRPORTS, CAR];

function Methodology() {
  const rules = Object.entries(RULES as Record<string, Rule>);
  return (
    <main>
      <h1>How Local Footprint estimates a footprint</h1>
      <p>Everything is computed on your device from the tables below; nothing is sent anywhere. Figures are in kilograms of CO2-equivalent (kg CO2e) and are estimates with a range, not measurements.</p>
      <p class="muted">Data version: <code>{DATA_VERSION}</code></p>

      <h2>1. Recognising the product</h2>
      <p>The shop's category text, breadcrumbs, product title and brand are matched against a small list of words in English, German, French, Spanish and Italian. The kind of product with the most weight wins; the words that matched are shown with each estimate.</p>

      <h2>2. Methods, best first</h2>
      <h3>Devices (product level)</h3>
      <p>Manufacturers publish product carbon footprints for computers, phones, monitors and more; Boavizta collects them. For each kind of device we use the median of those reports, with a range from the 10th to the 90th percentile widened by the reports' own stated uncertainty. For laptops and monitors the screen size in the title selects reports of that size. Products without such data (mice, keyboards, office chairs, books, shoes) use a cited reference figure or a typical mass times DESNZ material factors.</p>
      <h3>Clothing</h3>
      <p>Typical garment mass (Ecobalyse defaults) times the DESNZ "Clothing" factor per tonne. The range runs from {GARMENT_BAND.low}x to {GARMENT_BAND.high}x: masses vary, and life-cycle studies add washing and drying. DESNZ gives one factor for all fibres, so a fibre named on the page is shown but does not change the figure.</p>
      <h3>Food and drink</h3>
      <p>Poore &amp; Nemecek's per-kilogram figures (the median-style total per supply-chain stage) times the pack size read from the title ("500 g", "6 x 330 ml", "2 lb"). The range runs from {FOOD_BAND.low}x the median to {FOOD_BAND.high}x the global mean, reflecting the wide spread between producers. Soft drinks and bottled water are built from sugar, the container and transport.</p>
      <h3>Price-based fallback</h3>
      <p>When nothing more specific applies, the price is converted to US dollars at the year's average ECB rate, deflated with the US CPI-U to 2022 dollars, VAT is removed where the shop's country includes it, and the result is multiplied by the US EPA supply-chain factor (with margins) for the product's industry. Industry averages per dollar are rough, so the range is {SPEND_BAND.low}x to {SPEND_BAND.high}x. Without a price and without product-level data, the footprint stays unknown.</p>
      <h3>Quantities, multi-packs, second-hand</h3>
      <p>Quantities and packs ("pack of 3", "3er Pack", "lot de 2") multiply. Refurbished or used devices: {SECOND_HAND.device.why} ({SECOND_HAND.device.source}). Second-hand clothing: {SECOND_HAND.garment.why} ({SECOND_HAND.garment.source}). Second-hand by price: {SECOND_HAND.spend.why}.</p>
      <h3>Comparisons</h3>
      <p>Comparisons place an estimate within its own method's data ("about average for a laptop"). They are information only: no grades, scores or rewards. The car comparison uses {CAR.kgPerKm} {CAR.unit} ({CAR.source}).</p>

      <h2>3. Kinds of product and their method</h2>
      <table>
        <thead><tr><th>Kind</th><th>Category</th><th>Method</th><th>Why</th></tr></thead>
        <tbody>
          {rules.map(([id, r]) => (
            <tr key={id}><td>{id}</td><td>{r.path}</td><td>{r.method} (NAICS {r.naics}: {(NAICS_TITLES.rows as Record<string, string>)[r.naics]})</td><td>{RULE_WHY[id]}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>4. Reference figures</h2>
      <table>
        <thead><tr><th>Product</th><th>Basis</th><th>Source</th></tr></thead>
        <tbody>
          {Object.entries(REFERENCE_FIGURES).map(([id, r]) => (
            <tr key={id}><td>{id}</td><td>{r.kind === 'figure' ? `${r.kg} (${r.low}-${r.high}) ${r.unit}` : `${r.massKg} kg x ${r.materials.join(' + ')}`}</td><td>{r.source}</td></tr>
          ))}
        </tbody>
      </table>

      <h2>5. VAT rates removed</h2>
      <p>{Object.entries(VAT).map(([c, v]) => `${c} ${Math.round(v.standard * 1000) / 10} % (food ${Math.round(v.food * 1000) / 10} %)`).join('; ')}.</p>

      <h2>6. Sources and licences</h2>
      <table>
        <thead><tr><th>Source</th><th>Licence</th><th>Unit</th></tr></thead>
        <tbody>
          {SOURCES.map((s) => (
            <tr key={s.source}><td>{s.source}</td><td>{s.licence}</td><td>{s.unit}</td></tr>
          ))}
        </tbody>
      </table>
      <p class="muted">Device figures are derived from the Boavizta environmental-footprint-data database, made available under the Open Database License (ODbL 1.0); the derived table is offered under the same licence.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Methodology />, root);

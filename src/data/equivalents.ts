/**
 * A relatable comparison for the badge and popup. Hand-entered: the shared DESNZ extract has no
 * passenger-vehicle sheet, so confirm this against the 2024 workbook when it is added.
 */
export const CAR = {
  kgPerKm: 0.166,
  unit: 'kg CO2e per vehicle.km',
  source: 'DESNZ/DEFRA (2024) UK Government GHG Conversion Factors for Company Reporting, Passenger vehicles: Cars (by size), Average car, Unknown fuel (about 0.166; to be confirmed against the workbook)',
  licence: 'Open Government Licence v3.0',
} as const;

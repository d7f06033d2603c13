import { Products1732406400000 } from './1732406400000-products';
import { Merchandising1733000000000 } from './1733000000000-merchandising';
import { RoleSuggestions1733400000000 } from './1733400000000-role-suggestions';
import { SearchDocuments1733800000000 } from './1733800000000-search-documents';
import { PromotionHonesty1797000000000 } from './1797000000000-promotion-honesty';
import { CollectionRuns1797000100000 } from './1797000100000-collection-runs';
import { PriceSuggestions1797000200000 } from './1797000200000-price-suggestions';

/** Applied in order after the platform's messaging tables; never edit one that has shipped. */
export const CATALOG_MIGRATIONS = [
  Products1732406400000,
  Merchandising1733000000000,
  RoleSuggestions1733400000000,
  SearchDocuments1733800000000,
  PromotionHonesty1797000000000,
  CollectionRuns1797000100000,
  PriceSuggestions1797000200000,
];

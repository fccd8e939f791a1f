// The shop (tenant) profile.
import type { z } from 'zod';
import { shopSchema, type updateShopBodySchema } from '@shared/schemas/shops.js';
import { apiRequest } from './client';

export type UpdateShopBody = z.input<typeof updateShopBodySchema>;

export const fetchShop = () => apiRequest('/api/shop', { schema: shopSchema });

export const updateShop = (body: UpdateShopBody) =>
  apiRequest('/api/shop', { method: 'PATCH', body, schema: shopSchema });

// The shop profile; saving it also refreshes the session so the header shows the new name and time zone.
import { useCallback } from 'react';
import type { UpdateShopBody } from '../api/shop-api';
import { fetchShop, updateShop } from '../api/shop-api';
import { useApiQuery } from './use-api-query';
import { useSession } from './use-session';

export function useShop() {
  const query = useApiQuery('shop', fetchShop);
  const { reload } = query;
  const { refresh } = useSession();

  const save = useCallback(
    async (body: UpdateShopBody) => {
      const shop = await updateShop(body);
      reload();
      await refresh();
      return shop;
    },
    [reload, refresh],
  );

  return { shop: query.data, loading: query.loading, error: query.error, reload, save };
}

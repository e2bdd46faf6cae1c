/**
 * Officers' metadata edits: `PATCH /api/agreements/:id/metadata` sets fields by hand (`{ "employer": "…",
 * "signedOn": "2024-03-01", "by": "Lan" }`; `null` clears a field), `DELETE …/metadata/:field` withdraws
 * an edit (the field goes back to the text's value), `GET …/metadata` gives the metadata with where each
 * value came from and the edits. Writes need the `edit` right on the agreement; who edits is the account, or `by` / `X-Edited-By` with the shared token.
 */

import { Hono } from 'hono';
import { z } from 'zod';
import type { Service } from '../../service/index.ts';
import { actorOfRequest, requireWrite } from '../auth.ts';
import { parseId, readJsonBody } from '../validation.ts';

export interface MetadataRoutesDeps {
  service: Service;
  apiToken: string | undefined;
}

/** The fields and values as sent; each value's kind is checked by the service (shared with the CLI and the page). */
export const MetadataBody = z
  .record(z.string().max(50), z.union([z.string().max(500), z.number().finite(), z.null()]))
  .refine((body) => Object.keys(body).length <= 30, 'at most 30 fields');

/** Builds the sub-app mounted at /api/agreements. */
export function metadataRoutes({ service, apiToken }: MetadataRoutesDeps) {
  const writes = requireWrite({ service, apiToken }, 'edit', true);
  return new Hono()
    .get('/:id/metadata', (c) => {
      const agreement = service.agreement(parseId(c.req.param('id')));
      return c.json({
        agreementId: agreement.id,
        meta: agreement.meta,
        provenance: agreement.meta.provenance ?? {},
        edits: service.metadataEdits(agreement.id),
      });
    })
    .patch('/:id/metadata', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      service.agreement(id);
      const { by, ...set } = await readJsonBody(c.req.raw, MetadataBody);
      const actor = actorOfRequest(c);
      // A signed-in user or a key is named by their account; the shared token by `by` when given.
      const named =
        c.get('principal')?.kind === 'user'
          ? undefined
          : (typeof by === 'string' && by.trim()) || c.req.header('X-Edited-By')?.trim();
      const result = await service.editMetadata(
        id,
        { set, by: (named || actor.actorName).slice(0, 200) },
        actor,
      );
      return c.json({ agreementId: id, ...result });
    })
    .delete('/:id/metadata/:field', writes, async (c) => {
      const id = parseId(c.req.param('id'));
      const result = await service.withdrawMetadataEdit(id, c.req.param('field'), actorOfRequest(c));
      return c.json({ agreementId: id, withdrawn: c.req.param('field'), ...result });
    });
}

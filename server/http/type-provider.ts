import type { FastifyPluginAsync, FastifyPluginOptions, FastifyTypeProvider, RawServerDefault } from 'fastify';
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';

/**
 * Request types from a route's JSON schemas: what `schema.body`, `querystring` and `params` accept is what its
 * handler gets, without casts. This is the whole of `@fastify/type-provider-json-schema-to-ts` (not a dependency;
 * json-schema-to-ts is). Routes give no response schemas: Fastify would then serialise answers through them, which
 * drops and coerces fields; a handler's answer is typed by its return type (shared/sync/protocol.ts and friends).
 */
export interface JsonSchemaToTs extends FastifyTypeProvider {
  validator: this['schema'] extends JSONSchema ? FromSchema<this['schema']> : unknown;
  serializer: this['schema'] extends JSONSchema ? FromSchema<this['schema']> : unknown;
}

/** The routes of one area as a Fastify plugin; `deps` are the repositories and services its handlers use. */
export type RoutePlugin<Deps extends FastifyPluginOptions> = FastifyPluginAsync<Deps, RawServerDefault, JsonSchemaToTs>;

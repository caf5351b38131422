import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { type ErrorCode, errors } from '../../shared/i18n/de/errors';
import type { ErrorBody } from '../../shared/sync/protocol';

/** A failure a client caused or must react to; becomes `{"error": {code, message}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string = errors[code],
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string = errors[code]): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own errors (body parsing, limits, schema validation) mapped onto the contract's codes. */
const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_request'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type'],
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof ApiError)
      return reply.status(err.status).headers(err.headers).send(errorBody(err.code, err.message));
    const mapped = FASTIFY_CODES[err.code];
    if (mapped) return reply.status(mapped[0]).send(errorBody(mapped[1]));
    if (err.validation) return reply.status(400).send(errorBody('invalid_request'));
    // JSON.parse errors (and prototype-poisoning refusals) of the body parser.
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON|__proto__|constructor/.test(err.message))) {
      return reply.status(400).send(errorBody('invalid_json'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(errorBody('invalid_request'));
    }
    request.log.error({ err }, 'Unerwarteter Fehler');
    return reply.status(500).send(errorBody('internal_error'));
  });
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(errorBody('not_found')));
}

/** Errors of Fastify's router before any route runs (a bad percent-encoding, an overlong parameter). */
export function frameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  void reply.status(status).send(errorBody('invalid_request'));
}

const CLIENT_ERRORS: Record<string, number> = { ERR_HTTP_REQUEST_TIMEOUT: 408, HPE_HEADER_OVERFLOW: 431 };

/**
 * A request Node's HTTP parser refused (malformed, headers too large): answered with the contract's error body,
 * like everything else, then the connection is closed (as Node and Fastify do).
 */
export function clientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = CLIENT_ERRORS[err.code ?? ''] ?? 400;
  const body = JSON.stringify(errorBody('invalid_request'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

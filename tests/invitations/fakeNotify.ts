import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface NotifyEmail {
  to: string
  subject: string
  text: string
  reference: string | undefined
  unsubscribeUrl: string | undefined
}

/** A key in Notify's format: `{key name}-{service id}-{secret}`, the last two UUIDs. */
export const fakeNotifyKey = () => {
  const serviceId = randomUUID()
  const secret = randomUUID()
  return { serviceId, secret, apiKey: `heard_test-${serviceId}-${secret}` }
}

const errorBody = (status: number, error: string, message: string) =>
  JSON.stringify({ status_code: status, errors: [{ error, message }] })

/** Checks the bearer token as Notify does: a JWT signed HS256 with the key's secret, iss the service, iat recent. */
function authProblem(
  header: string | undefined,
  key: { serviceId: string; secret: string },
): string | undefined {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1]
  if (!token) return 'Unauthorized: authentication token must be provided'
  const [head, payload, signature] = token.split('.')
  if (!head || !payload || !signature) return 'Invalid token: not a JWT'
  const expected = createHmac('sha256', key.secret).update(`${head}.${payload}`).digest('base64url')
  if (expected.length !== signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature)))
    return 'Invalid token: signature, api token not found'
  const header_ = JSON.parse(Buffer.from(head, 'base64url').toString()) as { alg?: string; typ?: string }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; iat?: number }
  if (header_.alg !== 'HS256' || header_.typ !== 'JWT') return 'Invalid token: algorithm used is not HS256'
  if (claims.iss !== key.serviceId) return 'Invalid token: service not found'
  if (typeof claims.iat !== 'number' || Math.abs(Date.now() / 1000 - claims.iat) > 30)
    return 'Error: Your system clock must be accurate to within 30 seconds'
  return undefined
}

/**
 * A stand-in for GOV.UK Notify's API on 127.0.0.1 that checks each request as Notify documents it
 * (POST /v2/notifications/email, JWT bearer auth, a JSON body with email_address, template_id,
 * personalisation and an optional reference) and keeps the emails it accepted. An address at
 * refuse.example is refused with Notify's 400 ValidationError; `failNext` answers 500s for a while.
 */
export async function startFakeNotify(templateId: string) {
  const key = fakeNotifyKey()
  const received: NotifyEmail[] = []
  const refusedRequests: string[] = []
  const state = { failNext: 0 }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const answer = (status: number, body: string): true => {
        if (status >= 400) refusedRequests.push(body)
        res.writeHead(status, { 'content-type': 'application/json' }).end(body)
        return true
      }
      if (req.method !== 'POST' || req.url !== '/v2/notifications/email')
        return answer(404, errorBody(404, 'NotFound', 'Not found'))
      const problem = authProblem(req.headers.authorization, key)
      if (problem) return answer(403, errorBody(403, 'AuthError', problem))
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return answer(400, errorBody(400, 'BadRequestError', 'Content-Type must be application/json'))
      let body: Record<string, unknown>
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      } catch {
        return answer(400, errorBody(400, 'BadRequestError', 'Invalid JSON supplied in POST data'))
      }
      const personalisation = body.personalisation as Record<string, unknown> | undefined
      if (body.template_id !== templateId)
        return answer(400, errorBody(400, 'BadRequestError', 'Template not found'))
      if (typeof body.email_address !== 'string' || !body.email_address.includes('@'))
        return answer(400, errorBody(400, 'ValidationError', 'email_address Not a valid email address'))
      if (typeof personalisation?.subject !== 'string' || typeof personalisation.body !== 'string')
        return answer(400, errorBody(400, 'BadRequestError', 'Missing personalisation: subject, body'))
      if (body.reference !== undefined && typeof body.reference !== 'string')
        return answer(400, errorBody(400, 'ValidationError', 'reference is not a string'))
      if (body.email_address.endsWith('@refuse.example'))
        return answer(400, errorBody(400, 'ValidationError', 'email_address Not a valid email address'))
      if (state.failNext > 0) {
        state.failNext -= 1
        return answer(500, errorBody(500, 'Exception', 'Internal server error'))
      }
      received.push({
        to: body.email_address,
        subject: personalisation.subject,
        text: personalisation.body,
        reference: body.reference,
        unsubscribeUrl: body.one_click_unsubscribe_url as string | undefined,
      })
      const id = randomUUID()
      answer(
        201,
        JSON.stringify({
          id,
          reference: body.reference ?? null,
          content: {
            subject: personalisation.subject,
            body: personalisation.body,
            from_email: 'heard@notifications.service.gov.uk',
          },
          uri: `http://127.0.0.1/v2/notifications/${id}`,
          template: { id: templateId, version: 1, uri: `http://127.0.0.1/v2/template/${templateId}` },
        }),
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${String(port)}`,
    apiKey: key.apiKey,
    received,
    refusedRequests,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}

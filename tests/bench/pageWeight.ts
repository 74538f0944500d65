import http from 'node:http'
import { gunzipSync } from 'node:zlib'

export interface Transfer {
  path: string
  /** Body bytes as sent, compressed or not. */
  bytes: number
  encoding: string
}

/** GETs a path with gzip allowed and counts the body bytes exactly as they came over the wire. */
function transfer(baseUrl: string, path: string, cookie: string): Promise<Transfer & { body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${baseUrl}${path}`,
      { headers: { 'accept-encoding': 'gzip', cookie } },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new Error(`GET ${path} gave ${String(response.statusCode)}`))
            return
          }
          const body = Buffer.concat(chunks)
          resolve({
            path,
            bytes: body.length,
            encoding: response.headers['content-encoding'] ?? 'none',
            body,
          })
        })
      },
    )
    request.on('error', reject)
  })
}

// Everything a page makes the browser fetch from us: stylesheet, icon, script and pictures.
const resourcePattern = /(?:src|href)="(\/[^"?#]+\.(?:css|js|svg|png|jpg|webp|woff2?))"/g

/** A page and every resource it loads, each with its size over the wire. */
export async function pageWeight(baseUrl: string, path: string, cookie: string): Promise<Transfer[]> {
  const page = await transfer(baseUrl, path, cookie)
  const html = (page.encoding === 'gzip' ? gunzipSync(page.body) : page.body).toString('utf8')
  const resources = [...new Set([...html.matchAll(resourcePattern)].map((match) => match[1] ?? ''))]
  const loaded = await Promise.all(resources.map((resource) => transfer(baseUrl, resource, '')))
  return [page, ...loaded].map(({ path: where, bytes, encoding }) => ({ path: where, bytes, encoding }))
}

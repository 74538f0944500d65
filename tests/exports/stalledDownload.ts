import http from 'node:http'

export interface StalledDownload {
  status: number
  headers: http.IncomingHttpHeaders
  /** Gives up the download half-way, as a person closing the tab does. */
  abandon(): void
}

/**
 * Starts a download and reads nothing of its body after the headers, so a large export stays in
 * the middle of streaming (waiting for the reader) until it is abandoned. Asks for no compression,
 * so the export's own bytes fill the connection.
 */
export function startStalledDownload(url: string, cookie: string): Promise<StalledDownload> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie, 'accept-encoding': 'identity' } }, (response) => {
      response.pause()
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        abandon: () => request.destroy(),
      })
    })
    request.on('error', reject)
  })
}

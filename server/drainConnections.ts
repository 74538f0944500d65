import type { Server, ServerResponse } from 'node:http'
import net from 'node:net'

/**
 * Lets a server stop without cutting a request. Browsers hold keep-alive connections open, so
 * server.close() alone waits while they keep sending requests. Once draining starts, every response
 * carries `Connection: close` and each connection closes as soon as its response has ended; the
 * requests already in flight finish first. Connections that are idle are not closed by force:
 * closing one races with a request the browser may be sending on it at that very moment, which is
 * then cut. Node closes them after its keep-alive timeout, which each response announces
 * (`Keep-Alive: timeout=5`), so clients stop using them before then.
 */
export function drainConnections(server: Server): { drain(onClosed: () => void): void; inFlight(): number } {
  const open = new Set<ServerResponse>()
  let draining = false
  const closeWhenDone = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close')
  }
  server.prependListener('request', (_req, res: ServerResponse) => {
    open.add(res)
    res.once('close', () => open.delete(res))
    if (draining) closeWhenDone(res)
  })
  return {
    drain(onClosed) {
      draining = true
      for (const res of open) closeWhenDone(res)
      // http.Server#close would also close idle connections at once (the race above); net's close
      // only stops listening, and calls back when the last connection has gone.
      net.Server.prototype.close.call(server, onClosed)
    },
    inFlight: () => open.size,
  }
}

import type { Request } from 'express'
import type { Config } from '../../config'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import { paths } from '../../paths'
import { qrCodeSvg } from '../../qrCodes/qrCode'

interface Session {
  code: string
  sharedDevices: { idleMinutes: number } | undefined
}

/**
 * For each session on shared devices, the link to open on each device and its QR code, to show on
 * the group sessions page; undefined for a session where each person uses their own device.
 */
export async function sharedDeviceLinks(
  req: Request,
  config: Config,
  options: { survey: string; sessions: Session[] },
) {
  const officer = signedInOfficer(req)
  return Promise.all(
    options.sessions.map(async (session) => {
      if (!session.sharedDevices) return undefined
      const link = `${config.baseUrl}${paths.respond.sharedStart(officer.organisationSlug, options.survey, session.code)}`
      return {
        link,
        idleMinutes: session.sharedDevices.idleMinutes,
        qrCode: await qrCodeSvg(link, {
          title: req.t('device.sharedDevices.qrTitle', { code: session.code }),
        }),
      }
    }),
  )
}

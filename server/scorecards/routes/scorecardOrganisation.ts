import type { Request } from 'express'
import { signedInOfficer } from '../../officers/setUpOfficerArea'
import type { ScorecardOrganisation } from '../store/loadScorecard'

export function officerOrganisation(req: Request): ScorecardOrganisation {
  const officer = signedInOfficer(req)
  return {
    id: officer.organisationId,
    name: officer.organisationName,
    slug: officer.organisationSlug,
    smallNumberThreshold: officer.smallNumberThreshold,
  }
}

#!/usr/bin/env bash
# Pulls the week's scores from Trackwell as a service account, as CSV on standard output:
#   client,measure,score,band,recorded_at
# The service account needs the scopes clients:read and outcomes:read (Settings, API clients).
#
#   TRACKWELL_URL=https://riverside.example.org TRACKWELL_KEY=twk_... ./weekly-scores.sh > week.csv
#
# TRACKWELL_CA may name a CA certificate file for a server whose certificate is not publicly
# trusted; TRACKWELL_HOST names the tenant's host when TRACKWELL_URL reaches the service by another
# name (a tunnel, a test server); TRACKWELL_SINCE (an ISO instant) replaces "seven days ago".
# Needs curl and jq.
set -euo pipefail

: "${TRACKWELL_URL:?the service's address, such as https://riverside.example.org}"
: "${TRACKWELL_KEY:?the service account's key}"
since="${TRACKWELL_SINCE:-$(date -u -d '7 days ago' +%Y-%m-%dT%H:%M:%SZ)}"

call() {
  local options=(--silent --show-error --fail-with-body --proto '=https'
    -H "Authorization: Bearer ${TRACKWELL_KEY}" -H 'Accept: application/json')
  [ -n "${TRACKWELL_CA:-}" ] && options+=(--cacert "${TRACKWELL_CA}")
  [ -n "${TRACKWELL_HOST:-}" ] && options+=(-H "Host: ${TRACKWELL_HOST}")
  curl "${options[@]}" "${TRACKWELL_URL}$1"
}

echo "client,measure,score,band,recorded_at"
page=0
while :; do
  caseload=$(call "/api/v1/clients?page=${page}")
  for code in $(jq -r '.clients[].code' <<<"${caseload}"); do
    call "/api/v1/clients/${code}/sessions" | jq -r --arg code "${code}" --arg since "${since}" '
      .[].measures[]
      | select(.recordedAt >= $since and .total != null)
      | [$code, .measureId, .total, (.band // ""), .recordedAt] | @csv'
  done
  [ "$(jq -r '.hasMore' <<<"${caseload}")" = "true" ] || break
  page=$((page + 1))
done

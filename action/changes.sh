#!/usr/bin/env bash
# The Action's `changes-base` step: `accords changes` as Markdown in the job summary and, when
# asked, in one pull-request comment that later runs of the same pull request update.
#
# Everything comes through the environment, never spliced into the script:
#   ACCORDS_CHANGES_BASE  the revision to compare the checkout with (e.g. origin/main)
#   ACCORDS_COMMENT       "true" to write the pull-request comment
#   ACCORDS_PR_NUMBER     the pull request's number (empty outside a pull request)
#   GITHUB_REPOSITORY, GITHUB_STEP_SUMMARY, GH_TOKEN  as GitHub Actions sets them
set -euo pipefail

marker='<!-- accords-changes -->'
# GitHub refuses a comment over 65,536 characters; the summary keeps the whole report.
limit=60000

report=$(mktemp)
trap 'rm -f "$report"' EXIT
accords changes "$ACCORDS_CHANGES_BASE" --format markdown >"$report"
cat "$report" >>"${GITHUB_STEP_SUMMARY:-/dev/stdout}"

if [ "${ACCORDS_COMMENT:-false}" != "true" ]; then
    exit 0
fi
if [ -z "${ACCORDS_PR_NUMBER:-}" ]; then
    echo "accords: not a pull request, so no comment is written" >&2
    exit 0
fi

body="$marker"$'\n\n'"$(cat "$report")"
if [ "${#body}" -gt "$limit" ]; then
    body="${body:0:$limit}"$'\n\n'"… (cut short: the job summary has the whole report)"
fi

issue="repos/$GITHUB_REPOSITORY/issues/$ACCORDS_PR_NUMBER"
found=$(gh api --paginate "$issue/comments" \
    --jq ".[] | select(.body | startswith(\"$marker\")) | .id")
existing=${found%%$'\n'*} # the first, should an earlier run have left two
if [ -n "$existing" ]; then
    gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" \
        -f body="$body" >/dev/null
else
    gh api --method POST "$issue/comments" -f body="$body" >/dev/null
fi

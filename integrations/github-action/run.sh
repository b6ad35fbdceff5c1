#!/usr/bin/env bash
# The body of action.yml: runs kruisec once for the result (annotations in the log, exit code),
# then, if asked, again for the job summary (Markdown) and for SARIF. The extra runs never change
# the result. Inputs arrive as KRUISEC_* environment variables, never as text pasted into this
# script, so nothing in a pull request can inject shell.
#
# Can be run locally too:
#   KRUISEC_ACTION_PATH=. KRUISEC_PATHS=fixtures/example bash integrations/github-action/run.sh
set -euo pipefail
set -f # globs in paths are kruisec's to expand, not the shell's

action_path="${KRUISEC_ACTION_PATH:?KRUISEC_ACTION_PATH must point at the kruisec checkout}"
bin="$action_path/bin/kruisec.js"
command="${KRUISEC_COMMAND:-validate}"
format="${KRUISEC_FORMAT:-github}"
strict="${KRUISEC_STRICT:-false}"
fail_on="${KRUISEC_FAIL_ON:-error}"
sarif_file="${KRUISEC_SARIF_FILE:-}"
summary="${KRUISEC_SUMMARY:-true}"
config="${KRUISEC_CONFIG:-}"
base_ref="${KRUISEC_BASE_REF:-}"
out_dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/kruisec"
github_output="${GITHUB_OUTPUT:-/dev/null}"
step_summary="${GITHUB_STEP_SUMMARY:-}"

fail_usage() {
  echo "::error title=kruisec::$1"
  echo "exit-code=2" >>"$github_output"
  exit 2
}

case "$command" in validate | render | plan) ;; *) fail_usage "input command must be validate, render or plan, not '$command'" ;; esac
case "$format" in github | text | json | junit | markdown | sarif) ;; *) fail_usage "input format must be github, text, json, junit, markdown or sarif, not '$format'" ;; esac
case "$fail_on" in error | warning) ;; *) fail_usage "input fail-on must be error or warning, not '$fail_on'" ;; esac
case "$strict" in true | false) ;; *) fail_usage "input strict must be true or false, not '$strict'" ;; esac
case "$summary" in true | false) ;; *) fail_usage "input summary must be true or false, not '$summary'" ;; esac

command -v node >/dev/null || fail_usage "node is not on PATH; set the node-version input"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || fail_usage "kruisec needs Node.js 20 or later, the runner has $(node --version); set the node-version input"
[ -f "$action_path/dist/kruisec.js" ] || fail_usage "kruisec is not built ($action_path/dist is missing); the install step should have run npm ci"

# Paths: one per line; a single line is split on whitespace.
paths=()
mapfile -t lines < <(printf '%s\n' "${KRUISEC_PATHS:-.}" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' || true)
if [ "${#lines[@]}" -eq 1 ]; then
  read -r -a paths <<<"${lines[0]}"
elif [ "${#lines[@]}" -gt 1 ]; then
  paths=("${lines[@]}")
fi
[ "${#paths[@]}" -gt 0 ] || paths=(.)

common=(--fail-on "$fail_on")
# Annotations and SARIF need repository-relative paths. When kruisec runs in a subdirectory and
# the CLI offers a root for output paths, point it at the checkout.
if [ -n "${GITHUB_WORKSPACE:-}" ] && [ "$(pwd -P)" != "$(cd "$GITHUB_WORKSPACE" && pwd -P)" ]; then
  if node "$bin" validate --help 2>/dev/null | grep -q -- '--root'; then
    common+=(--root "$GITHUB_WORKSPACE")
  else
    echo "::warning title=kruisec::working-directory is not the repository root and this kruisec has no --root option; annotation paths may not match the pull request's files. Prefer working-directory '.' with paths pointing into the subfolder."
  fi
fi
[ "$strict" = true ] && common+=(--strict)
[ -n "$config" ] && common+=(--config "$config")
plan_args=()
[ -n "$base_ref" ] && plan_args+=(--base-ref "$base_ref")
if [ -n "$base_ref" ] && [ "$command" != plan ]; then
  echo "::warning title=kruisec::input base-ref is only used by command plan"
fi

mkdir -p "$out_dir"
rendered="$out_dir/rendered.yaml"
plan_json="$out_dir/plan.json"

# run_kruisec FORMAT: the command in the given diagnostics format. validate prints diagnostics on
# stdout; render and plan print their result on stdout (render: into --out) and diagnostics on
# stderr, which is where the runner picks up annotations as well.
run_kruisec() {
  local fmt="$1"
  shift
  case "$command" in
    validate) node "$bin" validate "${paths[@]}" --format "$fmt" "${common[@]}" "$@" ;;
    render) node "$bin" render "${paths[@]}" --format "$fmt" "${common[@]}" "$@" ;;
    plan) node "$bin" plan "${paths[@]}" --format "$fmt" "${common[@]}" "${plan_args[@]}" "$@" ;;
  esac
}

# 1. The run that counts.
code=0
output_file=""
case "$command" in
  validate) run_kruisec "$format" || code=$? ;;
  render) run_kruisec "$format" --out "$rendered" || code=$? ;;
  plan) run_kruisec "$format" --output json >"$plan_json" || code=$? ;;
esac
if [ "$code" -eq 0 ]; then
  case "$command" in
    render) output_file="$rendered" ;;
    plan) output_file="$plan_json" ;;
  esac
fi

# 2. Job summary (Markdown), capped well under GitHub's 1 MiB per step.
if [ "$summary" = true ] && [ -n "$step_summary" ]; then
  md="$out_dir/summary.md"
  case "$command" in
    validate) run_kruisec markdown >"$md" 2>/dev/null || true ;;
    render) run_kruisec markdown --out "$out_dir/summary-render.yaml" 2>"$md" >/dev/null || true ;;
    plan) run_kruisec markdown --output json 2>"$md" >/dev/null || true ;;
  esac
  rm -f "$out_dir/summary-render.yaml"
  if [ ! -s "$md" ]; then
    if [ "$code" -eq 0 ]; then
      printf '### kruisec %s\n\nNo problems found.\n' "$command" >"$md"
    else
      printf '### kruisec %s\n\nkruisec exited with code %s; see the step log.\n' "$command" "$code" >"$md"
    fi
  fi
  if [ "$command" = plan ] && [ "$code" -eq 0 ]; then
    printf '\n' >>"$md"
    run_kruisec text --output markdown >>"$md" 2>/dev/null || true
  fi
  head -c 900000 "$md" >>"$step_summary"
fi

# 3. SARIF. render and plan print nothing when there is nothing to report; validate always
# prints a complete SARIF log, so it stands in for them then.
written_sarif=""
if [ -n "$sarif_file" ]; then
  mkdir -p "$(dirname "$sarif_file")"
  case "$command" in
    validate) run_kruisec sarif >"$sarif_file" 2>/dev/null || true ;;
    render) run_kruisec sarif --out "$out_dir/sarif-render.yaml" 2>"$sarif_file" >/dev/null || true ;;
    plan) run_kruisec sarif --output json 2>"$sarif_file" >/dev/null || true ;;
  esac
  rm -f "$out_dir/sarif-render.yaml"
  if [ ! -s "$sarif_file" ]; then
    node "$bin" validate "${paths[@]}" --format sarif "${common[@]}" >"$sarif_file" 2>/dev/null || true
  fi
  [ -s "$sarif_file" ] && written_sarif="$sarif_file"
fi

{
  echo "exit-code=$code"
  echo "output-file=$output_file"
  echo "sarif-file=$written_sarif"
} >>"$github_output"
exit "$code"

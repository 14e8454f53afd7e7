# Sourced by the whole-process benchmarks (run-ingest-jobs.sh, run-merge.sh, run-fetch.sh): where the built sitrep
# is, and building it there once unless the script was given --no-build ($build=0). Needs $repo.
artifacts="${SITREP_BENCH_ARTIFACTS:-/tmp/sitrep-bench-artifacts}"
sitrep_dll="$artifacts/bin/Sitrep.Cli/release/sitrep.dll"
build_cli() {
  if [ "${build:-1}" = 1 ]; then
    dotnet build "$repo/src/Sitrep.Cli" -c Release --artifacts-path "$artifacts" -v quiet -nologo >/dev/null
  fi
}
# A scratch folder for the run in $work, removed however the script ends.
make_workdir() {
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
}

// A boolean as docker's tools read it from an attribute or an environment variable: Go's strconv.ParseBool
// words, case and all (buildx's output attributes, docker's actions' DOCKER_BUILD_* and DOCKER_METADATA_*).

const TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True'])
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False'])

/** true or false for one of Go's words, undefined for anything else (which Go refuses). */
export function goBool(text: string): boolean | undefined {
  if (TRUE.has(text)) return true
  if (FALSE.has(text)) return false
  return undefined
}

// The names under which the main step leaves state for the post step (core.saveState / STATE_*).

/** Set by every main step: the runner then calls the same entry again as the post step. */
export const STATE_POST = 'isPost'
/** The run's private directory, removed again by the post step when the main step was killed. */
export const STATE_WORKDIR = 'workDir'
/** Set when keep-login wrote the job's docker config: where it is, and the file of replaced entries. */
export const STATE_KEPT_LOGIN = 'keptLogin'

/**
 * Exported to the job's environment (GITHUB_ENV) by a main step that keeps a login: action.yml's `post-if`
 * reads it, so that the post step runs after a successful job only when there is a login to take back.
 */
export const ENV_POST_WANTED = 'BUILD_TAG_PUSH_POST'

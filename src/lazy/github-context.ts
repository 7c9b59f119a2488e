// @actions/github's own Context class, without the package entry: that entry also evaluates Octokit, about
// 70 ms of every build that only a caller of the REST API needs. The package's exports map does not list
// lib/, so the class is imported by its path.
export { Context } from '../../node_modules/@actions/github/lib/context.js'

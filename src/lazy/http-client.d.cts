export * from '../../node_modules/@actions/http-client/lib/index.js'

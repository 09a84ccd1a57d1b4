// The one way app/ reaches the database (the .server suffix keeps it out of the browser bundle).
export { getDb, getDbContext } from '#db/client.server.ts'

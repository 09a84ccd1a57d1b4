// A worker thread running one background job (docs/decisions/041): started by the job runner with the claimed job, it
// opens its own database connection, runs the job's handler with the same progress, lease and result writes as the
// main thread would, and ends. The runner's 'stop' message makes the job hand itself back at its next progress report.
import { parentPort, workerData } from 'node:worker_threads'
import { JOB_HANDLERS } from '#app/services/job-handlers.server.ts'
import { createDb } from '#db/client.server.ts'
import { type Job } from '#db/repositories/jobs.ts'
import { runJob } from './job-runner.server.ts'

const { job, instance } = workerData as { job: Job; instance: string }
let stopping = false
parentPort?.on('message', message => {
	if (message === 'stop') stopping = true
})
const { db } = createDb()
try {
	await runJob(db, job, JOB_HANDLERS[job.kind]!, instance, () => stopping)
} finally {
	await db.destroy()
	parentPort?.close()
}

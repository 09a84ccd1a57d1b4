import { json } from '@remix-run/node'
import { chromium } from 'playwright-core'

// Headless Chromium from the operating system (CHROMIUM_PATH, default /usr/bin/chromium); nothing is
// downloaded. One browser per request: packs are printed a few times a quarter, not per page view.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

export async function renderPdf(url: string, cookie: string): Promise<Uint8Array> {
	if (process.env.PDF_RENDERER === 'off')
		throw json({ message: "PDF printing is switched off on this server: open the board pack and use your browser's Print, then Save as PDF." }, { status: 503 })
	let browser
	try {
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 20_000 })
	} catch (error) {
		throw json(
			{ message: `The server cannot print PDFs here (no Chromium at ${CHROMIUM}): open the board pack and use your browser's Print, then Save as PDF.`, error: String(error).slice(0, 200) },
			{ status: 503 },
		)
	}
	try {
		const context = await browser.newContext({ extraHTTPHeaders: { Cookie: cookie }, javaScriptEnabled: false })
		const page = await context.newPage()
		const res = await page.goto(url, { waitUntil: 'load', timeout: 30_000 })
		if (!res || res.status() !== 200) throw json({ message: `The board pack did not render (status ${res?.status()}).` }, { status: 502 })
		await page.emulateMedia({ media: 'print' })
		return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
	} finally {
		await browser.close()
	}
}

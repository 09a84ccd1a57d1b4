// The overview's loader ships its Sankey as tuples and its heatmap bands as digits (decision 035): both read back
// exactly as the objects they replace.
import { expect, test } from 'vitest'
import { BANDS, DEFAULT_MODEL_SETTINGS, DIMENSIONS, scorePortfolio } from '#models/exposure/index.ts'
import { heatmapLine, heatmapRows, packSankey, sankeyData, unpackSankey } from '#models/overview.ts'
import { DEMO_AS_OF } from '#seed/demo/group.ts'
import { demoPortfolio } from './fixtures.ts'

test('the Sankey packs into tuples and back without loss', () => {
	const data = sankeyData(demoPortfolio(), DEMO_AS_OF)
	expect(data.links.length).toBeGreaterThan(5)
	const packed = packSankey(data)
	expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(data).length * 0.7)
	expect(unpackSankey(JSON.parse(JSON.stringify(packed)))).toEqual(data)
})

test('a heatmap line carries each band as its index in BANDS', () => {
	const p = demoPortfolio()
	const e = scorePortfolio(p, DEFAULT_MODEL_SETTINGS, DEMO_AS_OF)
	for (const row of heatmapRows(p, e)) {
		const line = heatmapLine(row)
		expect(line.cells.map(([score, band]) => [score, BANDS[band]])).toEqual(DIMENSIONS.map(d => [row.cells[d].score, row.cells[d].band]))
	}
})

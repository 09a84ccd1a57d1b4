// The two 2019 cases the dashboard's scenarios echo: about 150 back-office jobs moved out of Shanghai, and about
// 900 of about 1,600 China R&D staff cut. Copied from shared/reference/regulations.json (`cases_2019`).
// The follow-up and context facts carry no as_of/verified in the JSON: they inherit the case's `verified` and use
// their own date (or the case's as_of) as `asOf`. See caveats.md items 15 and 16.
import { type Provenance } from './provenance.ts'

export interface CaseFact extends Provenance {
	/** When it happened, as the JSON words it (follow-ups only). */
	date: string | null
	fact: string
}

export interface Case2019 extends Provenance {
	company: string
	event: string
	/** Severance package, where reported. */
	package: string | null
	reported: string
	/** Second source, where the JSON gives one. */
	source2: string | null
	/** Headline figures for charts; each is in `event` in words. */
	figures: {
		rolesAffected: number
		rolesBase: number | null
		location: string
	}
	followUps: readonly CaseFact[]
	context: readonly CaseFact[]
}

export const CASES_2019: readonly Case2019[] = [
	{
		company: 'Morgan Stanley',
		event: 'Relocating about 150 back-office jobs from Shanghai, mostly to other parts of Asia (bank declined comment)',
		package: null,
		reported: 'Financial Times, 2019-05-15 (via Bloomberg summary)',
		source: 'https://investing.com/news/economy-news/china-cracks-down-on-foreign-firms-over-cyber-security-ft-says-1869848',
		source2: null,
		asOf: '2019-05-15',
		verified: true,
		note: 'The FT original was not available; the figure is taken from the Bloomberg/Investing.com summary. The 2019 and 2023 figures span different events and are not cumulative (caveats.md item 16).',
		figures: { rolesAffected: 150, rolesBase: null, location: 'Shanghai' },
		followUps: [
			{
				date: '2020-07',
				fact: 'Blocked China-based interns from remote VPN access; interns worked from offices, linked to cybersecurity-regime concerns (FT)',
				source: 'http://www.eforum21.com/2020/07/get-hell-out-of-ratland-china-now.html',
				asOf: '2020-07',
				verified: true,
			},
			{
				date: '2023-07-18/19',
				fact: 'Moving 200+ technology developers (over 1/3 of mainland technologists) out of mainland China, mainly to Hong Kong and Singapore; building a standalone China system possibly costing hundreds of millions of USD (Bloomberg; Reuters)',
				source:
					'https://www.channelnewsasia.com/business/morgan-stanley-moves-200-technologists-out-china-data-law-bloomberg-news-3638446?cid=cna_flip_070214',
				asOf: '2023-07-18/19',
				verified: true,
			},
			{
				date: 'undated (c.2025)',
				fact: 'Gave 300+ Hong Kong investment banking staff separate iPhone/iPad devices for mainland travel; separating mainland data systems (FT)',
				source: 'http://app005.ftchinese.com/interactive/276770/en',
				asOf: 'undated (c.2025)',
				verified: true,
			},
		],
		context: [],
	},
	{
		company: 'Oracle',
		event:
			'First round ~900 layoffs at China R&D Center (CDC) announced at all-hands 2019-05-07; CDC ~1,600 staff so first batch ~60%; 500+ in Beijing; full CDC closure expected, second round possibly July',
		package: 'N+6 months if release signed by 2019-05-22; leave by 2019-05-31',
		reported: '21st Century Business Herald; Futu; CNBC; SCMP',
		source: 'https://news.futunn.com/en/post/2762113',
		source2: 'https://www.theepochtimes.com/oracle-closes-china-rd-centers-layoff-900-employees-in-first-round_2912749.html',
		asOf: '2019-05-07/09',
		verified: true,
		conflict:
			'Sources disagree on which cities had R&D centres (Epoch Times: Shenzhen, Beijing, Shanghai, Suzhou, Nanjing; SupChina: Nanjing, Dalian, Shenzhen next in line). Not resolved. caveats.md item 15.',
		figures: { rolesAffected: 900, rolesBase: 1600, location: 'China R&D Center (500+ in Beijing)' },
		followUps: [],
		context: [
			{
				date: null,
				fact: 'Oracle had ~5,000 employees, 14 branches and 5 R&D centres in China',
				source: 'https://www.macsurfer.com/redir.php?u=1125249',
				asOf: '2019-05-07/09',
				verified: true,
			},
			{
				date: null,
				fact: 'Oracle statement: restructuring development group as cloud business grows',
				source: 'https://www.valuebuddies.com/archive/index.php?thread-9457.html',
				asOf: '2019-05-07/09',
				verified: true,
			},
			{
				date: null,
				fact: 'R&D centres named: Shenzhen (first, 2002), Beijing, Shanghai, Suzhou, Nanjing (Epoch Times) vs Nanjing, Dalian, Shenzhen named by SupChina - inconsistent',
				source: 'https://supchina.com/2019/05/09/oracle-to-lay-off-1600-staff-in-china/',
				asOf: '2019-05-07/09',
				verified: true,
			},
		],
	},
]

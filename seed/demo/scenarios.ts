// Demo relocation scenarios for Meridian Holdings (./group.ts). Moves name a staffing line by its code and a
// destination by its city (seed/reference/destinations.ts), not by id: the seeder resolves both after inserting.
//
// Two kinds of move:
// - 'relocate': the roles move to a destination city (abroad or inside mainland China);
// - 'cut': the roles are made redundant with no destination (destinationCity: null). They cost severance and
//   save their run-rate cost, create no destination cost and no new flow. The database keeps this as a
//   scenario_move with destination_id NULL; the domain's ScenarioMove.destinationId would need to be
//   `number | null` to carry it (see the report).
//
// The scenarios echo the two 2019 cases (seed/reference/cases.ts): ~150 back-office data jobs out of Shanghai,
// and ~60% of a ~1,500-engineer China R&D centre cut or moved.
import { type DataHandling, type Scenario, type ScenarioAssumptions } from '#models/domain.ts'
import { DEFAULT_SCENARIO_ASSUMPTIONS } from '#models/scenario-form.ts'
import { DEFAULT_USD_CNY } from '#seed/reference/fx.ts'

export interface DemoRelocateMove {
	kind: 'relocate'
	staffingLineCode: string
	headcount: number
	destinationCity: string
	startQuarter: string // 'YYYY-Qn'
	dataHandling: DataHandling
}

export interface DemoCutMove {
	kind: 'cut'
	staffingLineCode: string
	headcount: number
	destinationCity: null
	startQuarter: string
	dataHandling: 'not_needed'
}

export type DemoScenarioMove = DemoRelocateMove | DemoCutMove

export type DemoScenario = Omit<Scenario, 'id' | 'moves' | 'createdBy' | 'decidedBy' | 'version'> & {
	moves: DemoScenarioMove[]
	createdByEmail: string
	decidedByEmail: string | null
}

/**
 * The analysts' house assumptions; each scenario overrides what differs. Wage inflation is the destination's
 * (annual); attrition is the annual share of the affected roles that leave on their own before the move (no
 * severance due for them). N+1: statutory N plus one month. usdCny is the FX assumption of
 * seed/reference/fx.ts (an assumption, not a live rate).
 */
export const BASE_ASSUMPTIONS: ScenarioAssumptions = { ...DEFAULT_SCENARIO_ASSUMPTIONS, usdCny: DEFAULT_USD_CNY }

const ANALYST = 'analyst@meridian.example'
const EXECUTIVE = 'executive@meridian.example'

/** The Shanghai client data operations team (BU-SH-BANKOPS), 148 people. */
const DATA_TEAM = 'SL-OPS-DATA-SH'

export const DEMO_SCENARIOS: DemoScenario[] = [
	{
		name: 'Shanghai client data operations to Kuala Lumpur',
		description:
			'Move the 148-strong client data operations team from Shanghai to Kuala Lumpur. Client data stays in Shanghai; the Kuala Lumpur team reaches it remotely, which is itself a cross-border transfer needing its own mechanism.',
		status: 'approved',
		assumptions: {
			...BASE_ASSUMPTIONS,
			wageInflation: { low: 0.03, base: 0.045, high: 0.06 },
			recruitmentCostPerHireUsd: 4_000,
			oneOffRelocationCostUsd: 1_200_000, // site fit-out, knowledge transfer travel, IT set-up
		},
		moves: [
			{
				kind: 'relocate',
				staffingLineCode: DATA_TEAM,
				headcount: 148,
				destinationCity: 'Kuala Lumpur',
				startQuarter: '2027-Q1',
				dataHandling: 'remote_access',
			},
		],
		createdByEmail: ANALYST,
		decidedByEmail: EXECUTIVE,
		decisionComment:
			'Approved. Start the art. 41 consultation in January; file the standard contract for the Kuala Lumpur remote access before the first hire reaches production data.',
		decidedAt: '2026-10-15T14:05:00Z',
		createdAt: '2026-08-04T09:30:00Z',
		updatedAt: '2026-10-15T14:05:00Z',
	},
	{
		name: 'Shanghai client data operations to Manila',
		description: 'Same team, to Manila: lowest run-rate cost of the three options, with the data kept in Shanghai and reached remotely.',
		status: 'draft',
		assumptions: {
			...BASE_ASSUMPTIONS,
			wageInflation: { low: 0.04, base: 0.055, high: 0.07 },
			attrition: { low: 0.05, base: 0.1, high: 0.15 },
			recruitmentCostPerHireUsd: 3_000,
			oneOffRelocationCostUsd: 950_000,
		},
		moves: [
			{
				kind: 'relocate',
				staffingLineCode: DATA_TEAM,
				headcount: 148,
				destinationCity: 'Manila',
				startQuarter: '2027-Q2',
				dataHandling: 'remote_access',
			},
		],
		createdByEmail: ANALYST,
		decidedByEmail: null,
		decisionComment: null,
		decidedAt: null,
		createdAt: '2026-08-06T10:15:00Z',
		updatedAt: '2026-09-02T16:40:00Z',
	},
	{
		name: 'Shanghai client data operations to Singapore (data migrated)',
		description:
			'Same team, to Singapore next to the Asia operations centre, migrating the client servicing data with it: the costliest location, and the migration is an export of its own.',
		status: 'draft',
		assumptions: {
			...BASE_ASSUMPTIONS,
			wageInflation: { low: 0.025, base: 0.035, high: 0.05 },
			recruitmentCostPerHireUsd: 9_000,
			oneOffRelocationCostUsd: 1_600_000, // includes the data migration programme
		},
		moves: [
			{
				kind: 'relocate',
				staffingLineCode: DATA_TEAM,
				headcount: 148,
				destinationCity: 'Singapore',
				startQuarter: '2027-Q2',
				dataHandling: 'migrate',
			},
		],
		createdByEmail: ANALYST,
		decidedByEmail: null,
		decisionComment: null,
		decidedAt: null,
		createdAt: '2026-08-07T08:50:00Z',
		updatedAt: '2026-08-21T11:20:00Z',
	},
	{
		name: 'China R&D centre: reduce by 60%',
		description:
			'Reduce the China R&D centre by 900 of its 1,500 engineers (780 in Beijing, 120 in Shanghai): 380 roles move to Bengaluru, 520 are cut. Platform work moves with its repositories; the data engineers moving to Bengaluru keep reaching the test data lab in Beijing (a new cross-border flow). A mass layoff under LCL art. 41.',
		status: 'proposed',
		assumptions: {
			...BASE_ASSUMPTIONS,
			wageInflation: { low: 0.06, base: 0.08, high: 0.1 }, // Bengaluru tech wages
			attrition: { low: 0.08, base: 0.12, high: 0.18 }, // engineers leave faster once a cut is rumoured
			severancePremiumMonths: 1, // N+1; for comparison, Oracle offered N+6 to early signers in 2019
			recruitmentCostPerHireUsd: 3_500,
			oneOffRelocationCostUsd: 6_500_000, // knowledge transfer, retention bonuses for key staff, Bengaluru site
		},
		moves: [
			{
				kind: 'relocate',
				staffingLineCode: 'SL-RND-PLATFORM-BJ',
				headcount: 280,
				destinationCity: 'Bengaluru',
				startQuarter: '2027-Q2',
				dataHandling: 'migrate', // repositories mirrored to the group's global source control (no PI)
			},
			{
				kind: 'relocate',
				staffingLineCode: 'SL-RND-DATA-BJ',
				headcount: 100,
				destinationCity: 'Bengaluru',
				startQuarter: '2027-Q2',
				dataHandling: 'remote_access',
			},
			{
				kind: 'cut',
				staffingLineCode: 'SL-RND-CLOUD-BJ',
				headcount: 250,
				destinationCity: null,
				startQuarter: '2027-Q1',
				dataHandling: 'not_needed',
			},
			{
				kind: 'cut',
				staffingLineCode: 'SL-RND-MOBILE-BJ',
				headcount: 150,
				destinationCity: null,
				startQuarter: '2027-Q1',
				dataHandling: 'not_needed',
			},
			{
				kind: 'cut',
				staffingLineCode: 'SL-RND-SH',
				headcount: 120,
				destinationCity: null,
				startQuarter: '2027-Q1',
				dataHandling: 'not_needed',
			},
		],
		createdByEmail: ANALYST,
		decidedByEmail: null,
		decisionComment: null,
		decidedAt: null,
		createdAt: '2026-09-14T07:45:00Z',
		updatedAt: '2026-11-10T13:00:00Z',
	},
	{
		name: 'China R&D centre: consolidate in Chengdu and Dalian',
		description:
			'The in-country alternative: move 550 Beijing engineers to lower-cost Chengdu and Dalian. Moves inside mainland China create no cross-border transfer, but leave the R&D concentration in China unchanged.',
		status: 'draft',
		assumptions: {
			...BASE_ASSUMPTIONS,
			wageInflation: { low: 0.03, base: 0.05, high: 0.07 },
			recruitmentCostPerHireUsd: 2_500,
			oneOffRelocationCostUsd: 2_800_000,
		},
		moves: [
			{
				kind: 'relocate',
				staffingLineCode: 'SL-RND-CLOUD-BJ',
				headcount: 250,
				destinationCity: 'Chengdu',
				startQuarter: '2027-Q2',
				dataHandling: 'migrate',
			},
			{
				kind: 'relocate',
				staffingLineCode: 'SL-RND-PLATFORM-BJ',
				headcount: 150,
				destinationCity: 'Chengdu',
				startQuarter: '2027-Q3',
				dataHandling: 'migrate',
			},
			{
				kind: 'relocate',
				staffingLineCode: 'SL-RND-MOBILE-BJ',
				headcount: 150,
				destinationCity: 'Dalian',
				startQuarter: '2027-Q3',
				dataHandling: 'migrate',
			},
		],
		createdByEmail: ANALYST,
		decidedByEmail: null,
		decisionComment: null,
		decidedAt: null,
		createdAt: '2026-10-02T09:10:00Z',
		updatedAt: '2026-10-02T09:10:00Z',
	},
]

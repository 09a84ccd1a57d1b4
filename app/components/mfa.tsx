// Pieces the sign-in page and the account page share: the enrolment panel (QR code, the secret as text) and the
// recovery codes shown once.
export function EnrolmentPanel({ secret, qr }: { secret: string; qr: string }) {
	return (
		<div className="mfa-enrol">
			<p>Add this account to an authenticator app (scan the code, or type the key), then enter the six digits it shows.</p>
			<img src={qr} width={220} height={220} alt="QR code for your authenticator app" />
			<p className="small">
				Key: <code className="mfa-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
			</p>
		</div>
	)
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
	return (
		<div className="mfa-recovery">
			<p>
				<strong>Recovery codes.</strong> Each signs you in once if you lose your authenticator. Keep them somewhere safe now: they are not
				shown again.
			</p>
			<ul className="recovery-codes" aria-label="Recovery codes">
				{codes.map(c => (
					<li key={c}>
						<code>{c}</code>
					</li>
				))}
			</ul>
		</div>
	)
}

"""Secrets in posts: what a user sees flagged, and what must stay quiet.

Every key below is made up (right shape, random characters) or is public
test data from the peers' suites; none of them works anywhere. Placeholders and sentences *about* passwords must not be
flagged: a checker that cries wolf gets switched off.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from precheck.core.context import CheckContext
from precheck.core.model import Category, Finding, Report, Severity, Verdict
from precheck.detectors.entropy import looks_like_placeholder
from precheck.detectors.patterns import PatternDetector
from precheck.detectors.validators import is_jwt, is_password, is_random_token, is_token
from precheck.evaluation import load_jsonl
from precheck.paths import rules_dir
from precheck.rulepacks.loader import load_pack

SECRETS_PACK = rules_dir() / "secrets.yaml"
PEERS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "peers"
DEV = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "dev" / "posts.jsonl"

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkaXNwYXRjaC0wMDciLCJyb2xlIjoicGxhbm5lciJ9"
    ".Qm9ndXNTaWduYXR1cmVGb3JUZXN0c09ubHkxMjM0NTY3OA"
)
PEM_BODY = (
    "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
    "MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
)

# (case id, post, the secret exactly as the finding must report it)
POSITIVES = [
    ("aws-access-key", "Finally got S3 uploads working, my config: AKIA2OGYBAH6STMMNXNN", "AKIA2OGYBAH6STMMNXNN"),
    ("aws-secret-key", "aws_secret_access_key = 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",
     "wJ8pYq3LmN5vT0rK2sX7zA9bC4dE6fG1hI3jK5lM"),
    ("gcp-api-key", "Maps demo is live, key baked in: AIzaSyB9xK2mQ7vL4pT8nW3zR6bY1cD5hJ0pS2a",
     "AIzaSyB9xK2mQ7vL4pT8nW3zR6bY1cD5hJ0pS2a"),
    ("azure-client-secret", "Our app registration uses client_secret=bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR",
     "bP88Q~rcBcYjzzOhg1Hnn76Wm3jGgakZiZ.8vMgR"),
    ("azure-storage-key",
     "DefaultEndpointsProtocol=https;AccountName=nwl;AccountKey=lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ==",
     "lJzRc1YdHaAA2KCNJJ1tkYwF/+mKK6Ygw0NGe170Xu592euJv2wYUtBlV8z+qnlcNQSnIYVTkLWntUO1F8j8rQ=="),
    ("github-pat", "New CI bot token: ghp_4fT9kQ2mX7pL1vB8nZ3cW6yR0sD5hJ9uE2aG enjoy",
     "ghp_4fT9kQ2mX7pL1vB8nZ3cW6yR0sD5hJ9uE2aG"),
    ("github-app", "installation token ghs_Q8mZ2xK7vL4pT9nW3zR6bY1cD5hJ0pS2aG4e for the action",
     "ghs_Q8mZ2xK7vL4pT9nW3zR6bY1cD5hJ0pS2aG4e"),
    ("gitlab-pat", "Runner config uses glpat-9xK2mQ7vL4pT8nW3zR6b now", "glpat-9xK2mQ7vL4pT8nW3zR6b"),
    ("slack-bot-token", "Re-added the bot with xoxb-2048135792-6630419857213-Zq4Kt9Lm2Pw7Rk1Vb3Xy8Nc5",
     "xoxb-2048135792-6630419857213-Zq4Kt9Lm2Pw7Rk1Vb3Xy8Nc5"),
    ("slack-webhook", "Alerts go to https://hooks.slack.com/services/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 now",
     "https://hooks.slack.com/services/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"),
    ("stripe", "oops, pushed sk_live_51H7qYzK2vT8nP3mX6cW9bR4dL7fJ1gA5 to the public repo",
     "sk_live_51H7qYzK2vT8nP3mX6cW9bR4dL7fJ1gA5"),
    ("openai", "Using sk-proj-Xi8tdMjHV6pmbBbwilTeT3BlbkFJ3UDnpdEwNNm6wVBpYM0o for the chatbot",
     "sk-proj-Xi8tdMjHV6pmbBbwilTeT3BlbkFJ3UDnpdEwNNm6wVBpYM0o"),
    ("sk-style", "OPENAI_API_KEY=sk-proj-8dF3kL9mQ2xW7vB4nR6tY1zC5hJ0pS3aG8eU2iO4wK7qM9 in the demo",
     "sk-proj-8dF3kL9mQ2xW7vB4nR6tY1zC5hJ0pS3aG8eU2iO4wK7qM9"),
    ("anthropic",
     "key sk-ant-api03-Zx8Vq2Lm4Np6Rt8Yb1Cd3Fg5Hj7Kl9Mn0Pq2Rs4Tu6Vw8Xy0Za2Bc4De6Fg8Hi0Jk2Lm4No6Pq8Rs0AA works",
     "sk-ant-api03-Zx8Vq2Lm4Np6Rt8Yb1Cd3Fg5Hj7Kl9Mn0Pq2Rs4Tu6Vw8Xy0Za2Bc4De6Fg8Hi0Jk2Lm4No6Pq8Rs0AA"),
    ("twilio", "Twilio key SK8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c rotated yesterday", "SK8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c"),
    ("sendgrid", "SendGrid: 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",
     "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"),
    ("npm", "publish from CI with npm_8fK2mQ9xL4vT7nW3zR6bY1cD5hJ0pS2aG4eU",
     "npm_8fK2mQ9xL4vT7nW3zR6bY1cD5hJ0pS2aG4eU"),
    ("pypi", "twine token pypi-AgEIcHlwaS5vcmcCJGE4ZjNiMmMxLTlkNGUtNWY2YS03YjhjLTlkMGUxZjJhM2I0YwACKlszLCJmMWY",
     "pypi-AgEIcHlwaS5vcmcCJGE4ZjNiMmMxLTlkNGUtNWY2YS03YjhjLTlkMGUxZjJhM2I0YwACKlszLCJmMWY"),
    ("mailchimp", "Newsletter key 8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c-us21 in the script",
     "8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c-us21"),
    ("discord", "Bot token MTE2NzU0MzIxMDk4NzY1NDMyMQ.GhT5kL.9xK2mQ7vL4pT8nW3zR6bY1cD5hJ0pS2aG4eU please help",
     "MTE2NzU0MzIxMDk4NzY1NDMyMQ.GhT5kL.9xK2mQ7vL4pT8nW3zR6bY1cD5hJ0pS2aG4eU"),
    ("telegram", "Telegram bot token 7213808860:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM for the alerts",
     "7213808860:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM"),
    ("heroku", "Heroku key HRKU-AAy9Ppr_HD2pPuTyIiTYInO0hbzhoERRSO93ZQusSYHgaD7_WQ07FnF7L9FX for deploys",
     "HRKU-AAy9Ppr_HD2pPuTyIiTYInO0hbzhoERRSO93ZQusSYHgaD7_WQ07FnF7L9FX"),
    ("digitalocean", "DO token dop_v1_8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c works",
     "dop_v1_8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c"),
    ("shopify", "Shopify admin token 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 for the shop",
     "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"),
    ("huggingface", "huggingface-cli login --token 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",
     "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"),
    ("jwt", f"Authorization header I send: Bearer {JWT}", JWT),
    ("private-key", f"Our SFTP key:\n-----BEGIN PRIVATE KEY-----\n{PEM_BODY}-----END PRIVATE KEY-----",
     f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY}-----END PRIVATE KEY-----"),
    ("postgres-uri", "Connection string: postgres://wms_admin:Dock$ide77@wms-prod-01:5432/wms any ideas?",
     "wms_admin:Dock$ide77"),
    ("mongodb-srv", "mongodb+srv://admin:hunter2hunter@cluster0.ab1cd.mongodb.net/test", "admin:hunter2hunter"),
    ("https-basic-auth", "Feed at https://deploy:Zq8xLm2Vt7@feeds.example.org/packages", "deploy:Zq8xLm2Vt7"),
    ("curl-user", "curl -u deploy:Zq8!xLm2Vt https://api.example.com/v1/status", "deploy:Zq8!xLm2Vt"),
    ("authorization", 'curl -H "Authorization: Basic ZGVwbG95OlpxOCF4TG0yVnQ=" https://api.example.com',
     "ZGVwbG95OlpxOCF4TG0yVnQ="),
    ("password-colon", "login: jan.devries / password: Welkom01! (temporary)", "Welkom01!"),
    ("password-equals", "Set PASSWORD=Zomer2024! in the env file", "Zomer2024!"),
    ("password-quoted", 'db_password = "rootpasswd"', "rootpasswd"),
    ("password-phrase", "The wifi password is Gu3stN3t!2024 for visitors", "Gu3stN3t!2024"),
    ("pwd", "pwd: R0tterdam#Haven", "R0tterdam#Haven"),
    ("wachtwoord-colon", "Nieuw account voor de planner, wachtwoord: Kraan#2024Venlo", "Kraan#2024Venlo"),
    ("wachtwoord-phrase", "Het wachtwoord van de printer is Toner#4455, succes!", "Toner#4455"),
    ("ww", "gebruiker planning.tilburg, ww: Haven2024!Tlb", "Haven2024!Tlb"),
    ("password-bare", "ssh in as root with password Passw0rd!23 and restart it", "Passw0rd!23"),
    ("pass-config-key", "smtp settings:\npass: Secret123\nport: 587", "Secret123"),
    ("door-code", "De deurcode van het magazijn is 4821# voor wie vanavond laat komt.", "4821#"),
    ("alarm-code", "Alarm code: 739152, don't forget to set it when you leave.", "739152"),
    ("api-key-assignment", 'config: "api_key": "a8F3kL9mQ2xW7vB4nR6tY1zC"', "a8F3kL9mQ2xW7vB4nR6tY1zC"),
    ("token-env", "export SERVICE_TOKEN=Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB and run it",
     "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB"),
    ("secret-hex", "client_secret: 9f8e7d6c5b4a39281706f5e4d3c2b1a0", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
    ("vendor-key", "cloudflare: oj9Yoyq0zmOyWmPPob1aoY5YSNNuJ0fbZSOURBlX", "oj9Yoyq0zmOyWmPPob1aoY5YSNNuJ0fbZSOURBlX"),
    ("cli-flag", "docker run app --api-key=Q9vL2xK7mT4pN8wZ3rB6 done", "Q9vL2xK7mT4pN8wZ3rB6"),
    ("high-entropy", "random blob from my notes: Xk9vP2mQ8rT4wY6zB1cD3fG5hJ7kL9nM0pR2sT4uV6wA8bC0dE2fG4hJ6kL8mN",
     "Xk9vP2mQ8rT4wY6zB1cD3fG5hJ7kL9nM0pR2sT4uV6wA8bC0dE2fG4hJ6kL8mN"),
]

NEGATIVES = [
    ("aws-doc-example", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
    ("aws-doc-secret", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("all-x-github", "export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("all-x-aws", "key = AKIAXXXXXXXXXXXXXXXX"),
    ("sequential-google", "apiKey: AIzaSyabcdefghijklmnopqrstuvwxyz1234567"),
    ("repeated-slack", "token xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx"),
    ("masked-password", "password: ********"),
    ("template-password", "password: <your password>"),
    ("template-variable", "token: ${GITHUB_TOKEN}"),
    ("your-key-here", 'api_key = "YOUR_API_KEY_HERE"'),
    ("curl-variables", 'curl -u "$USER:$PASS" https://api.example.com'),
    ("uri-placeholder", "Connect with mongodb+srv://<username>:<password>@cluster0.mongodb.net"),
    ("uri-word-password", "https://user:password@example.com is how the docs show basic auth."),
    ("uri-port", "postgres://localhost:5432/mydb is the default connection string."),
    ("password-reset", "Password reset was easy, took me two minutes."),
    ("never-share", "Reminder: never share your password, not even with IT."),
    ("password-prose-colon", "password: see the vault"),
    ("password-length", "The password is at least 12 characters long and must contain a digit."),
    ("password-manager", "We moved to 1Password as our password manager is 1Password now."),
    ("password-whiteboard", "Our wifi network is NWL-Guest-5G and the password is on the whiteboard."),
    ("wachtwoord-prose", "Het wachtwoord is veranderd, vraag de servicedesk om een nieuwe."),
    ("wachtwoordmanager", "Gebruik een wachtwoordmanager en deel nooit je wachtwoord, ook niet met collega's."),
    ("key-to-success", "The key to success: patience and good coffee."),
    ("secret-prose", "My secret: I never skip breakfast."),
    ("token-prose", "Token of appreciation for the night shift, thanks all!"),
    ("api-key-prose", "Keep your API key in an environment variable, never in your repository."),
    ("git-sha", "Fixed in commit 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f, thanks to the whole team!"),
    ("short-sha", "Reverted a1b2c3d and cherry-picked 9f8e7d6 onto release/2.4."),
    ("uuid", "The incident id is 550e8400-e29b-41d4-a716-446655440000, please quote it."),
    ("sha256", "Check sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 before installing."),
    ("long-words", "Internationalization is hard; pneumonoultramicroscopicsilicovolcanoconiosis is longer."),
    ("camel-case-identifier", "Call getPagesInConfluenceSpaceWithAttachmentsAndLabelsForUser2 to list them."),
    ("urls", "Slides: https://docs.google.com/presentation/d/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/edit"),
    ("tracking", "Container MSCU1234567 arrived; tracking 1Z999AA10123456784; order SK-2024-00017."),
    ("discount-code", "Use code NORTHWIND15 for 15% off, valid until 2024-12-31."),
    ("bech32", "Donations welcome: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("public-key-pem",
     "Our public key:\n-----BEGIN PUBLIC KEY-----\n"
     "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
     "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u\n-----END PUBLIC KEY-----"),
    ("ssh-public-key",
     "Add me: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jan@laptop"),
    ("private-key-header-only", "-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----"),
    ("git-push-u", "git push -u origin main && docker run -u 1000:1000 app"),
    ("bearer-prose", "Set the header Authorization: Bearer <token> when you call the API."),
    ("gitlab-split-by-word", "glpat-hellOWorld380 testin"),
    ("boarding-pass", "Boarding pass: KL1234-ABC, see you in Lisbon!"),
    ("secret-prose-word", "My secret: Tuesday42 is the best day of the week"),
    ("handle-after-service", "Find us on LinkedIn: NorthwindLogistics2024"),
    ("default-pin", "Default PIN is 1234, change it on first login."),
    ("connector-pin", "Pin 3 of the connector is ground, pin 4 is 24 V."),
    ("stripe-publishable", "Checkout uses the publishable key pk_live_j5krY8XTgIcDaHDb3YrsAfCl, which is public."),
    ("jwt-header-only", "A JWT starts with a header like eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9 and then a dot."),
    ("slack-too-short", "Bot tokens look like xoxb-12345-abcd234 but much longer."),
    ("gitlab-too-short", "Trigger tokens start with glptt-hellOworld380_testin and are 40 characters."),
    ("aws-wrong-length", "TODAYINASIAASACKOFRICEFELLOVER was the headline."),
    ("mailchimp-too-short", "Campaign 3a5633e829d3c71-us2 went out this morning."),
    ("sk-prose", "We trained it with sk-learn and it works like a charm."),
    ("npm-prose", "npm install left-pad and npm_config_registry are all you need."),
    ("data-uri", "Logo inline: data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                 "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
    ("dutch-prose", "Dit is geheim, maar het nieuwe distributiecentrum komt in Moerdijk."),
]


def secret_findings(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.category is Category.SECRET]


@pytest.mark.parametrize(("case", "post", "secret"), POSITIVES, ids=[p[0] for p in POSITIVES])
def test_secret_is_flagged_blocked_and_redacted(checker, case: str, post: str, secret: str) -> None:
    report = checker.check(post, language="en")
    found = [f for f in secret_findings(report) if f.text == secret]
    assert found, f"{case}: expected {secret!r}, got {[f.text for f in secret_findings(report)]}"
    finding = found[0]
    assert post[finding.start:finding.end] == finding.text
    assert finding.severity is Severity.BLOCK
    assert finding.suggestions[:1] == ("[redacted]",)
    assert finding.message
    assert report.verdict is Verdict.BLOCK
    assert secret not in report.safer_text
    assert "[redacted]" in report.safer_text


@pytest.mark.parametrize(("case", "post"), NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_no_secret_in_placeholders_and_prose(checker, case: str, post: str) -> None:
    found = secret_findings(checker.check(post, language="en"))
    assert not found, f"{case}: unexpected {[(f.kind, f.text) for f in found]}"


# ------------------------------------------------------------------ evasion

EVASIONS = [
    # dev-003: an AWS key typed over two lines so an upload filter misses it
    ("line-split",
     "Posting it in two bits so the filter doesn't eat it\nAKIA2OGYBAH6\nSTMMNXNN\nthe rest is in your DMs",
     "AKIA2OGYBAH6\nSTMMNXNN"),
    ("space-split", "read-only token (split so the bots don't grab it): ghp_7KxN2EXAMPLEq4Wd8 Lz0Rb5Tm9Yc3Vh6Js1F",
     "ghp_7KxN2EXAMPLEq4Wd8 Lz0Rb5Tm9Yc3Vh6Js1F"),
    ("zero-width", "deploy key AKIA2OGY\u200bBAH6STMMNXNN is the one", "AKIA2OGY\u200bBAH6STMMNXNN"),
    ("full-width", "key: ＡＫＩＡ２ＯＧＹＢＡＨ６ＳＴＭＭＮＸＮＮ", "ＡＫＩＡ２ＯＧＹＢＡＨ６ＳＴＭＭＮＸＮＮ"),
    ("zero-width-in-password", "wachtwoord: Kraan#20\u200d24Venlo", "Kraan#20\u200d24Venlo"),
]


@pytest.mark.parametrize(("case", "post", "secret"), EVASIONS, ids=[e[0] for e in EVASIONS])
def test_evasion_still_caught_and_mapped_to_what_was_typed(checker, case: str, post: str, secret: str) -> None:
    report = checker.check(post, language="en")
    texts = [f.text for f in secret_findings(report)]
    assert secret in texts, f"{case}: got {texts}"
    finding = next(f for f in secret_findings(report) if f.text == secret)
    assert post[finding.start:finding.end] == secret
    assert secret not in report.safer_text


def test_split_key_reports_the_key_once(checker) -> None:
    report = checker.check("token: ghp_4fT9kQ2mX7pL1vB8nZ3c\nW6yR0sD5hJ9uE2aG thanks", language="en")
    assert [f.text for f in secret_findings(report)] == ["ghp_4fT9kQ2mX7pL1vB8nZ3c\nW6yR0sD5hJ9uE2aG"]


@pytest.mark.parametrize(("post", "secret"), [
    ("my key AKIA2OGYBAH6STMMNXNN Thanks all", "AKIA2OGYBAH6STMMNXNN"),
    ("my key sk_live_51H7qYzK2vT8nP3mX6cW9bR4dL7fJ1gA5 Order2024 ok", "sk_live_51H7qYzK2vT8nP3mX6cW9bR4dL7fJ1gA5"),
    ("split sk_live_51H7qYzK2vT8n P3mX6cW9bR4dL7fJ1gA5 here", "sk_live_51H7qYzK2vT8n P3mX6cW9bR4dL7fJ1gA5"),
])
def test_next_word_is_not_glued_on_but_a_second_half_is(checker, post: str, secret: str) -> None:
    assert [f.text for f in secret_findings(checker.check(post, language="en"))] == [secret]


# ------------------------------------------------------------ channel & language

def test_secret_blocks_on_the_internal_channel_too(checker) -> None:
    report = checker.check("voor de nachtploeg, wachtwoord: Kraan#2024Venlo", language="nl", channel="internal")
    assert report.verdict is Verdict.BLOCK
    assert [f.kind for f in secret_findings(report)] == ["password"]


def test_several_secrets_in_one_post_each_redacted(checker) -> None:
    post = ("aws_access_key_id = AKIA4HQ7VZ2MXK3RTW6P\n"
            "aws_secret_access_key = q7Hd2LmX9vTr4ZkP1sWc8YbN3fJ6uGe0RaBtVxQy\nregion = eu-west-1")
    report = checker.check(post, language="en")
    assert {f.text for f in secret_findings(report)} == {
        "AKIA4HQ7VZ2MXK3RTW6P", "q7Hd2LmX9vTr4ZkP1sWc8YbN3fJ6uGe0RaBtVxQy"}
    assert report.safer_text == "aws_access_key_id = [redacted]\naws_secret_access_key = [redacted]\nregion = eu-west-1"


def test_messages_say_why_in_plain_words() -> None:
    pack = load_pack(SECRETS_PACK)
    for rule in pack.patterns:
        assert rule.meta.category is Category.SECRET
        assert rule.meta.severity is Severity.BLOCK
        assert rule.replacement is not None and rule.replacement.for_language("nl") == "[redacted]", rule.meta.rule
        assert len(rule.meta.message) > 40 and ":" in rule.meta.message, rule.meta.rule


# ------------------------------------------------- shape checks the rules rely on

@pytest.mark.parametrize(("value", "expected"), [
    ("AKIAXXXXXXXXXXXXXXXX", True), ("xoxb-xxxxxxxxx-xxxxxxxxxx", True), ("abcdefghijklmnopqrstuvwxyz12", True),
    ("ntn_123456789012345678901234567890", True), ("AKIA2OGYBAH6STMMNXNN", False),
    ("abcd1234abcd1234abcd1234abcd1234", False), ("q7Hd2LmX9vTr4ZkP1sWc8YbN3fJ6uGe0RaBtVxQy", False),
])
def test_placeholder_shapes(value: str, expected: bool) -> None:
    assert looks_like_placeholder(value) is expected


@pytest.mark.parametrize(("check", "value", "expected"), [
    (is_password, "Kraan#2024Venlo", True), (is_password, "Printer123!", True), (is_password, "reset", False),
    (is_password, "veranderd", False), (is_password, "jan@example.com", False), (is_password, "12345678", False),
    (is_token, "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB", True), (is_token, "notapassword", False),
    (is_token, "var.db_password", False), (is_random_token, "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f", False),
    (is_random_token, "Xk9vP2mQ8rT4wY6zB1cD3fG5hJ7kL9nM0pR2sT4uV6wA8bC0d", True),
    (is_random_token, "rhf_SponsoredProductsRemoteRHFSearchEXPSubsK2ClickPagination", False),
    (is_jwt, JWT, True), (is_jwt, "eyJBB.eyJCC", False),
])
def test_shape_checks(check, value: str, expected: bool) -> None:
    assert check(value) is expected


# ----------------------------------------------------------- keyword prefilter

def _corpus_texts() -> list[str]:
    texts = [p[1] for p in POSITIVES] + [n[1] for n in NEGATIVES] + [e[1] for e in EVASIONS]
    for path in (PEERS / "gitleaks-secrets.jsonl", PEERS / "detect-secrets-secrets.jsonl", DEV):
        if path.is_file():
            texts.extend(r["text"] for r in load_jsonl(path))
    return texts


def test_keyword_prefilter_never_hides_a_match() -> None:
    """The keyword lists are a speed-up only: with and without them the findings are equal."""
    rules = load_pack(SECRETS_PACK).patterns
    fast, full = PatternDetector(rules), PatternDetector(rules, prefilter=False)
    for text in _corpus_texts():
        ctx_fast, ctx_full = CheckContext(text, "en", "public"), CheckContext(text, "en", "public")
        assert list(fast.detect(ctx_fast)) == list(full.detect(ctx_full)), text[:80]

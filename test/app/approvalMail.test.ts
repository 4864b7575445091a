import { InMemoryDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { MemoryConversationStore } from '../../src/adapters/memory/memoryConversationStore.js';
import { composeApprovalMail, teamsChatLink } from '../../src/app/requests/approvalMail.js';
import type { GuestRequest } from '../../src/domain/guestRequest.js';
import { PolicyCache } from '../../src/app/shared/policyCache.js';
import { loadTenantSnapshot } from '../../src/adapters/embedded/loadTenantSnapshot.js';
import type { TenantSnapshot } from '../../src/policy/tenantModel.js';
import { demoGroup, demoUser } from '../support/demoTenant.js';

const alex = demoUser('Alex Wilber');
const nestor = demoUser('Nestor Wilke');
const APP_ID = '6f1d9a52-3b7e-4c1a-9d2f-8e4b5a6c7d81';

let tenant: TenantSnapshot;
beforeAll(async () => {
  // Read as the bot reads it (validated and normalised).
  const loaded = await loadTenantSnapshot('data/demo-tenant.json');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  tenant = loaded.snapshot;
});

function setup() {
  const directory = new InMemoryDirectory(tenant);
  const conversations = new MemoryConversationStore();
  return { directory, conversations, policy: new PolicyCache(directory) };
}

const request: GuestRequest = {
  id: 'R-ABC123',
  requesterId: nestor.id,
  groupId: demoGroup('Marketing').id,
  guests: [{ email: 'anna@fabrikam.com' }, { email: 'bert@fabrikam.com' }],
  justification: 'Campaign\nsecond line',
  createdAt: '2026-11-02T09:00:00.000Z',
  expiresAt: '2026-11-16T09:00:00.000Z',
  state: 'pending',
  approverIds: [alex.id],
  approverBasis: 'OWNERS_APPROVE',
  cards: [],
  outbox: [],
  version: 1,
  updatedAt: '2026-11-02T09:00:00.000Z',
};

describe('an approval mail', () => {
  it('links to the chat with the bot in Teams when the bot has an app id', async () => {
    const mail = await composeApprovalMail(setup(), request, alex.id, 'unreachable', { botAppId: APP_ID });
    const link = `https://teams.microsoft.com/l/chat/0/0?users=28%3A${APP_ID}`;
    expect(teamsChatLink(APP_ID)).toBe(link);
    expect(mail!.html).toContain(`<a href="${link}">Open the chat with Guest Access in Teams</a>`);
    expect(mail!.text).toContain(link);
    expect(mail!.html).toContain('<li>anna@fabrikam.com</li><li>bert@fabrikam.com</li>');
    expect(mail!.html).toContain('Campaign<br>second line');
    expect(mail!.key).toBe(`R-ABC123-${alex.id}-unreachable`);
  });

  it('has no link without an app id, and no originator on the card when none is configured', async () => {
    const mail = await composeApprovalMail(setup(), request, alex.id, 'always', {});
    expect(mail!.html).not.toContain('teams.microsoft.com');
    expect(mail!.html).not.toContain('"originator"');
    expect(mail!.html).toContain('You get this mail because you may approve guests for Marketing.');
  });

  it('is in the language of the approver’s last chat with the bot, else their directory language', async () => {
    const deps = setup();
    const english = await composeApprovalMail(deps, request, alex.id, 'reminder', {});
    expect(english!.subject).toBe('Reminder: approval needed for guest access to Marketing (request R-ABC123)');
    await deps.conversations.save(alex.id, {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example',
      conversation: { id: 'a:1' },
      bot: { id: '28:bot' },
      locale: 'nl-NL',
    });
    const mail = await composeApprovalMail(deps, request, alex.id, 'reminder', {});
    expect(mail!.subject).toBe('Herinnering: goedkeuring gevraagd voor gasttoegang tot Marketing (aanvraag R-ABC123)');
    expect(mail!.html).toContain('Nestor Wilke wacht nog op een beslissing over gasten voor de groep Marketing.');
  });

  it('is not composed for someone without a mail address', async () => {
    const deps = setup();
    const noMail = { ...tenant, users: tenant.users.map((u) => (u.id === alex.id ? { ...u, mail: null } : u)) };
    const directory = new InMemoryDirectory(noMail);
    expect(await composeApprovalMail({ ...deps, directory }, request, nestor.id, 'always', {})).toBeDefined();
    const mail = await composeApprovalMail({ ...deps, directory }, request, alex.id, 'always', {});
    expect(mail).toBeUndefined();
  });
});

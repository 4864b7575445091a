import { InMemoryDirectory } from '../../src/adapters/embedded/embeddedDirectory.js';
import { MemoryAuditLog } from '../../src/adapters/memory/memoryAuditLog.js';
import { MemoryConversationStore } from '../../src/adapters/memory/memoryConversationStore.js';
import type { GuestReview } from '../../src/domain/guestReview.js';
import { REVIEW_CARD_ROWS, reviewCardData } from '../../src/app/reviews/presentReview.js';
import { buildGuestReviewCard } from '../../src/cards/guestReviewCard.js';
import { cardProblems, cardText } from '../support/cards.js';
import { demoGroup, demoTenant, demoUser } from '../support/demoTenant.js';

const patti = demoUser('Patti Fernandez');
const partners = demoGroup('Contoso Partners');
const now = new Date('2026-11-02T09:00:00Z');

async function bigReview(guestCount: number, decided: number) {
  const directory = new InMemoryDirectory(demoTenant, { clock: { now: () => now } });
  const ids: string[] = [];
  for (let i = 0; i < guestCount; i++) {
    const { userId } = await directory.inviteGuest({
      email: `guest${i}@litware.com`,
      invitedBy: patti.id,
      displayName: `Guest ${i} (Litware)`,
    });
    ids.push(userId);
  }
  const review: GuestReview = {
    id: `C-202611020900-${partners.id}`,
    cycleId: 'C-202611020900',
    groupId: partners.id,
    startedAt: now.toISOString(),
    dueAt: '2026-11-16T09:00:00.000Z',
    reviewerIds: [patti.id],
    ownerless: false,
    guests: ids.map((userId, i) =>
      i < decided
        ? { userId, decision: { outcome: 'keep' as const, by: patti.id, at: now.toISOString() } }
        : { userId },
    ),
    state: 'open',
    cards: [],
    outbox: [],
    version: 1,
    updatedAt: now.toISOString(),
  };
  const deps = {
    directory,
    conversations: new MemoryConversationStore(),
    audit: new MemoryAuditLog(),
    clock: { now: () => now },
    settings: { staleDays: 90, reviewDays: 90 },
  };
  return buildGuestReviewCard(await reviewCardData(deps, review, patti.id, 'en'));
}

describe('a review card for a group with many guests', () => {
  it('shows at most 25 rows, undecided first, says how many more, and stays a valid card under Teams’ size limit', async () => {
    const card = await bigReview(60, 5);
    expect(cardProblems(card)).toEqual([]);
    const rows = (card.body as { type: string; separator?: boolean }[]).filter(
      (b) => b.type === 'Container' && b.separator,
    );
    expect(rows).toHaveLength(REVIEW_CARD_ROWS);
    const text = cardText(card);
    expect(text).toContain('35 more guests appear here as you decide these; Keep all keeps them too.');
    expect(text).not.toContain('Kept by'); // the 5 decided guests give way to undecided ones
    expect((card.actions as { title: string }[]).map((a) => a.title)).toEqual(['Keep all (55)']);
  });

  it('shows every guest and no "more" line for a small group', async () => {
    const card = await bigReview(3, 1);
    expect(cardText(card)).not.toContain('more guest(s)');
    expect(cardText(card)).toContain('✓ Kept by Patti Fernandez');
  });
});

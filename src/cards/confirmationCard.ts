/**
 * What a confirmation card shows (remove a guest from a group, delete a guest from the tenant): a question with its
 * facts and two buttons, then, once answered, what happened. Text fields are display-ready and escaped.
 */
export interface ConfirmationCardData {
  style: 'warning' | 'good' | 'attention' | 'default';
  title: string;
  text: string;
  facts: { title: string; value: string }[];
  note: string;
  showActions: boolean;
  labels: { confirm: string; cancel: string };
}

/** Where a task is done: the task's own link, else the page of its subject. */
export function taskHref(task: { details: Record<string, unknown>; subjectType: string; subjectId: string }): string {
  const href = task.details.href
  if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//')) return href
  switch (task.subjectType) {
    case 'crime-record':
      return `/crime/${task.subjectId}`
    case 'encounter':
      return `/encounters/${task.subjectId}`
    case 'referral':
      return `/referrals/${task.subjectId}`
    default:
      return '/actions'
  }
}

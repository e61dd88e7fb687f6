/** Events per page of the Activity page and per 'Load more'. */
export const ACTIVITY_PAGE_SIZE = 20;

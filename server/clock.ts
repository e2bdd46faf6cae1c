/** Today's date in Vietnam (UTC+7), the day a comparison or expiry is judged on by default. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

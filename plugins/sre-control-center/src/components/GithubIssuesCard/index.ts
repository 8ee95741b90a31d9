export { GithubIssuesCard } from './GithubIssuesCard';
export { IssueChips } from './IssueChips';
export { OpenIssueButton } from './OpenIssueButton';
